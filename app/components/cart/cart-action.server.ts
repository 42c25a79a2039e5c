// POST /cart: one function per intent. Each answers a redirect with a toast on success (so a
// reload does not post again) or the refusal as action data with a 4xx status, the cart unchanged.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data } from "@remix-run/node";
import { applyDiscountCode, applyGiftCard, removeDiscountCode, removeGiftCard } from "~/domains/commerce/cart/cart-codes.server";
import { discountSchema, giftCardSchema, isCartIntent, updateLineSchema } from "~/domains/commerce/cart/cart-forms";
import { addToCart, removeCartLine, updateCartLine } from "~/domains/commerce/cart/cart-items.server";
import { discardEmptyCart, ensureCart, readCartId } from "~/domains/commerce/cart/cart.server";
import { quantityMessageKey, type QuantityReason } from "~/domains/commerce/cart-quantity";
import { formatGiftCardCode } from "~/domains/commerce/gift-cards/gift-card-code";
import { refusalKey, type RefusalReason } from "~/domains/commerce/refusals";
import { getShopSettings } from "~/domains/commerce/shop-settings.server";
import { isDomainError, type DomainError } from "~/domains/errors";
import { getOptionalUser } from "~/domains/identity/guards.server";
import { parseStorefrontForm } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";
import { i18n } from "~/infra/i18n.server";
import { consume, isLimited } from "~/infra/rate-limit.server";
import { formatMoney } from "~/utils/money";

type T = (key: string, options?: Record<string, unknown>) => string;

/**
 * Unknown codes are counted per client address (10 per 15 minutes), so discount and gift card codes
 * cannot be guessed in bulk; codes that exist cost nothing, so honest shoppers never meet the limit.
 */
export const CODE_ATTEMPTS = { keyPrefix: "cart-code", points: 10, durationSeconds: 900 };

type Reply = SubmissionResult<string[]>;

export type CartActionData =
  | { form: "add"; error: string; backTo: string | null }
  | { form: "line"; itemId: string; result: Reply }
  | { form: "discount" | "gift-card"; result: Reply }
  | { form: "page"; error: string };

const CART = "/cart";

function headersWith(setCookie: string | null): HeadersInit | undefined {
  return setCookie ? { "Set-Cookie": setCookie } : undefined;
}

function quantityError(t: T, error: DomainError, mode: "add" | "update"): string {
  const details = error.details as { reason: QuantityReason; limit?: number; alreadyInCart: number };
  const { key, values } = quantityMessageKey(details);
  let message = t(key, values);
  if (mode === "add" && details.alreadyInCart > 0 && (details.reason === "exceeds_stock" || details.reason === "too_large")) {
    message = `${message} ${t("errors.alreadyInCart", { count: details.alreadyInCart })}`;
  }
  return message;
}

async function codeRefusal(request: Request, t: T, error: DomainError): Promise<string> {
  const { reason, minimum } = error.details as { reason: RefusalReason; minimum?: number };
  const [settings, locale] = await Promise.all([getShopSettings(), i18n.getLocale(request)]);
  return t(refusalKey(reason), { minimum: minimum === undefined ? "" : formatMoney(minimum, settings.currency, locale) });
}

/** The shop page the add-to-cart form was on (same-origin Referer under /shop), for a "back" link. */
function shopPageBehind(request: Request): string | null {
  const referer = request.headers.get("Referer");
  if (!referer) return null;
  try {
    const url = new URL(referer);
    if (url.origin !== new URL(request.url).origin || !url.pathname.startsWith("/shop/")) return null;
    return url.pathname + url.search;
  } catch {
    return null;
  }
}

async function add(request: Request, formData: FormData, t: T) {
  const variantId = String(formData.get("variantId") ?? "");
  const backTo = shopPageBehind(request);
  if (!variantId) return data<CartActionData>({ form: "add", error: t("errors.unavailableGeneric"), backTo }, { status: 400 });
  const { cartId, setCookie, created } = await ensureCart(request);
  try {
    const change = await addToCart(cartId, variantId, formData.get("quantity"));
    return redirectWithToast(
      request,
      CART,
      { kind: "success", message: t("added", { title: change.title }) },
      { headers: headersWith(setCookie) },
    );
  } catch (error) {
    let message: string;
    if (isDomainError(error, "quantity_invalid")) message = quantityError(t, error, "add");
    else if (isDomainError(error, "unavailable")) {
      const title = (error.details as { title: string | null }).title;
      message = title ? t("errors.unavailable", { title }) : t("errors.unavailableGeneric");
    } else throw error;
    // A refused first add leaves no trace: no empty cart and no cookie (which would also make
    // every shop page private for this visitor).
    if (created) {
      await discardEmptyCart(cartId);
      return data<CartActionData>({ form: "add", error: message, backTo }, { status: 400 });
    }
    return data<CartActionData>({ form: "add", error: message, backTo }, { status: 400, headers: headersWith(setCookie) });
  }
}

async function update(request: Request, formData: FormData, t: T, cartId: string) {
  const submission = parseWithZod(formData, { schema: updateLineSchema(t) });
  const itemId = String(formData.get("itemId") ?? "");
  if (submission.status !== "success")
    return data<CartActionData>({ form: "line", itemId, result: submission.reply() }, { status: 400 });
  try {
    const change = await updateCartLine(cartId, submission.value.itemId, submission.value.quantity);
    const message = change.quantity === 0 ? t("removedLine", { title: change.title }) : t("updated", { title: change.title });
    return redirectWithToast(request, CART, { kind: "success", message });
  } catch (error) {
    let message: string;
    if (isDomainError(error, "quantity_invalid")) message = quantityError(t, error, "update");
    else if (isDomainError(error, "unavailable"))
      message = t("errors.unavailable", { title: (error.details as { title: string }).title });
    else if (isDomainError(error, "not_found")) message = t("errors.lineGone");
    else throw error;
    return data<CartActionData>(
      { form: "line", itemId, result: submission.reply({ fieldErrors: { quantity: [message] } }) },
      { status: 400 },
    );
  }
}

async function remove(request: Request, formData: FormData, t: T, cartId: string) {
  const change = await removeCartLine(cartId, String(formData.get("itemId") ?? ""));
  if (!change) return redirectWithToast(request, CART, { kind: "info", message: t("errors.lineGone") });
  return redirectWithToast(request, CART, { kind: "success", message: t("removedLine", { title: change.title }) });
}

async function limited(clientIp: string): Promise<boolean> {
  return (await isLimited(CODE_ATTEMPTS, clientIp)) !== null;
}

async function countUnknown(clientIp: string): Promise<void> {
  await consume(CODE_ATTEMPTS, clientIp);
}

async function applyDiscount(request: Request, formData: FormData, t: T, cartId: string, clientIp: string) {
  const submission = parseWithZod(formData, { schema: discountSchema(t) });
  if (submission.status !== "success")
    return data<CartActionData>({ form: "discount", result: submission.reply() }, { status: 400 });
  if (await limited(clientIp)) {
    return data<CartActionData>(
      { form: "discount", result: submission.reply({ fieldErrors: { code: [t("errors.tooManyAttempts")] } }) },
      { status: 429 },
    );
  }
  const user = await getOptionalUser(request);
  try {
    const { code, pending } = await applyDiscountCode(cartId, submission.value.code, { customerKey: user?.id ?? null });
    const toast = pending
      ? ({ kind: "info", message: t("discount.savedPending", { code }) } as const)
      : ({ kind: "success", message: t("discount.applied", { code }) } as const);
    return redirectWithToast(request, CART, toast);
  } catch (error) {
    let message: string;
    if (isDomainError(error, "discount_unknown")) {
      await countUnknown(clientIp);
      message = t("discount.unknown", { code: (error.details as { code: string }).code });
    } else if (isDomainError(error, "code_refused")) message = await codeRefusal(request, t, error);
    else throw error;
    return data<CartActionData>(
      { form: "discount", result: submission.reply({ fieldErrors: { code: [message] } }) },
      { status: 400 },
    );
  }
}

async function applyCard(request: Request, formData: FormData, t: T, cartId: string, clientIp: string) {
  const submission = parseWithZod(formData, { schema: giftCardSchema(t) });
  if (submission.status !== "success")
    return data<CartActionData>({ form: "gift-card", result: submission.reply() }, { status: 400 });
  if (await limited(clientIp)) {
    return data<CartActionData>(
      { form: "gift-card", result: submission.reply({ fieldErrors: { code: [t("errors.tooManyAttempts")] } }) },
      { status: 429 },
    );
  }
  try {
    const code = await applyGiftCard(cartId, submission.value.code);
    return redirectWithToast(request, CART, {
      kind: "success",
      message: t("giftCards.applied", { code: formatGiftCardCode(code) }),
    });
  } catch (error) {
    let message: string;
    if (isDomainError(error, "gift_card_unknown")) {
      await countUnknown(clientIp);
      message = t("giftCards.unknown");
    } else if (isDomainError(error, "gift_card_duplicate")) message = t("giftCards.duplicate");
    else if (isDomainError(error, "gift_card_limit"))
      message = t("giftCards.limit", { count: (error.details as { limit: number }).limit });
    else if (isDomainError(error, "code_refused")) message = await codeRefusal(request, t, error);
    else throw error;
    return data<CartActionData>(
      { form: "gift-card", result: submission.reply({ fieldErrors: { code: [message] } }) },
      { status: 400 },
    );
  }
}

export async function cartAction(request: Request, clientIp: string) {
  const formData = await parseStorefrontForm(request);
  const t = (await i18n.getFixedT(request, "cart")) as unknown as T;
  const intent = formData.get("intent");
  // PostgreSQL refuses a NUL byte in any text parameter (a 500): no honest form sends one.
  const hasNul = [...formData.values()].some((value) => typeof value === "string" && value.includes("\u0000"));
  if (!isCartIntent(intent) || hasNul)
    return data<CartActionData>({ form: "page", error: t("errors.badRequest") }, { status: 400 });
  if (intent === "add") return add(request, formData, t);

  // Every other intent changes an existing cart: without one there is nothing to change.
  const cartId = await readCartId(request);
  if (!cartId) return redirectWithToast(request, CART, { kind: "info", message: t("empty") });
  switch (intent) {
    case "update":
      return update(request, formData, t, cartId);
    case "remove":
      return remove(request, formData, t, cartId);
    case "apply-discount":
      return applyDiscount(request, formData, t, cartId, clientIp);
    case "remove-discount":
      await removeDiscountCode(cartId);
      return redirectWithToast(request, CART, { kind: "success", message: t("discount.removed") });
    case "apply-gift-card":
      return applyCard(request, formData, t, cartId, clientIp);
    case "remove-gift-card":
      await removeGiftCard(cartId, String(formData.get("code") ?? ""));
      return redirectWithToast(request, CART, { kind: "success", message: t("giftCards.removed") });
  }
}
