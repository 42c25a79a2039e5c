// Turning a refused order into the sentence the review page shows (server only; not a route).
import { isDomainError } from "~/domains/errors";
import type { Refusal, RefusalReason } from "~/domains/commerce/refusals";
import { orderPath } from "~/domains/commerce/orders/order-links.server";
import type { Translate } from "./checkout-helpers.server";

export type PlaceRefusal =
  | { kind: "redirect"; to: string }
  | { kind: "form"; message: string }
  | { kind: "field"; field: "paymentMethod"; message: string };

/** null when the error is not an expected refusal (then it is rethrown). */
export async function placeRefusal(
  error: unknown,
  t: Translate,
  tCommerce: Translate,
  money: (minor: number) => string,
): Promise<PlaceRefusal | null> {
  if (!isDomainError(error)) return null;
  const details = error.details as Record<string, unknown>;
  switch (error.code) {
    case "out_of_stock":
      return {
        kind: "form",
        message: t("review.errors.outOfStock", { title: String(details.title), count: Number(details.available) }),
      };
    case "unavailable":
      return { kind: "form", message: t("review.errors.unavailable", { title: String(details.title) }) };
    case "discount_unavailable":
    case "gift_card_unavailable":
      return {
        kind: "form",
        message: codeMessage(
          {
            source: error.code === "discount_unavailable" ? "discount" : "gift_card",
            code: String(details.code),
            reason: details.reason as RefusalReason,
          },
          t,
          tCommerce,
          money,
        ),
      };
    case "code_refused": {
      const [first] = (details.refusals as Refusal[] | undefined) ?? [];
      return { kind: "form", message: first ? codeMessage(first, t, tCommerce, money) : t("review.errors.codeRefused") };
    }
    case "totals_changed":
      return { kind: "form", message: t("review.errors.totalsChanged", { amount: money(Number(details.amountDue)) }) };
    case "payment_method_unavailable":
      return { kind: "field", field: "paymentMethod", message: t("review.errors.paymentMethodRequired") };
    case "shipping_required":
      return { kind: "redirect", to: "/checkout/shipping" };
    case "contact_required":
      return { kind: "redirect", to: "/checkout" };
    case "already_placed": {
      // A second click (or tab) on a checkout that was just placed: show that order, not a second one.
      const { orderId, orderNumber } = details as { orderId: string | null; orderNumber: string | null };
      return { kind: "redirect", to: orderId && orderNumber ? orderPath({ id: orderId, number: orderNumber }) : "/cart" };
    }
    case "empty_cart":
    case "not_found":
      return { kind: "redirect", to: "/cart" };
    default:
      return null;
  }
}

/** "The discount code SAVE10 can no longer be used: This code has reached its usage limit." */
function codeMessage(
  refusal: Pick<Refusal, "source" | "code" | "reason" | "minimum">,
  t: Translate,
  tCommerce: Translate,
  money: (minor: number) => string,
): string {
  const reason = tCommerce(`refusals.${refusal.reason}`, {
    minimum: refusal.minimum === undefined ? "" : money(refusal.minimum),
  });
  const key = refusal.source === "discount" ? "review.errors.discountUnavailable" : "review.errors.giftCardUnavailable";
  return t(key, { code: refusal.code, reason });
}
