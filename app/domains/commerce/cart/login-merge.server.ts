// The sign-in hook (called by startSession): joins the cookie's anonymous cart into the customer's
// cart, clears the cookie, and words the notice when a quantity had to be lowered.
import type { Toast } from "~/infra/flash.server";
import { i18n } from "~/infra/i18n.server";
import { logger } from "~/infra/logger.server";
import { clearCartCookieHeader, readCartCookie } from "./cart-cookie.server";
import { mergeAnonymousCart } from "./merge.server";

export async function mergeCartAtLogin(
  request: Request,
  userId: string,
): Promise<{ setCookie: string | null; toast: Toast | null }> {
  const cartId = await readCartCookie(request);
  if (!cartId) return { setCookie: null, toast: null };
  const setCookie = await clearCartCookieHeader();
  try {
    const result = await mergeAnonymousCart(cartId, userId);
    if (result.capped.length === 0) return { setCookie, toast: null };
    const t = await i18n.getFixedT(request, "cart");
    const items = result.capped
      .map((line) =>
        line.quantity === 0
          ? t("merge.dropped", { title: line.title })
          : t("merge.cappedLine", { title: line.title, count: line.quantity }),
      )
      .join(" ");
    return { setCookie, toast: { kind: "info", message: `${t("merge.capped")} ${items}` } };
  } catch (error) {
    // Signing in must not fail because of the cart: the anonymous cart stays where it was.
    logger.error({ err: error, userId }, "cart merge at sign-in failed");
    return { setCookie: null, toast: null };
  }
}
