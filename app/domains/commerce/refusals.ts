// Why a discount code or a gift card could not be used. Totals never drop a code silently: each
// refused code comes back as one of these, so the cart can tell the customer why
// ("A minimum order of $50.00 is required for this code.").
import { formatMoney, type Money } from "~/utils/money";

export const REFUSAL_REASONS = [
  "expired",
  "not_started",
  "minimum_not_met",
  "usage_limit_reached",
  "customer_limit_reached",
  "not_applicable_to_cart",
  "no_remaining_balance",
  "gift_card_expired",
] as const;

export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export type Refusal = {
  /** Which kind of code was refused: a discount code and a gift card may share a spelling. */
  source: "discount" | "gift_card";
  code: string;
  reason: RefusalReason;
  /** Only for minimum_not_met: the merchandise subtotal the code asks for. */
  minimum?: Money;
};

/** The i18n key for a reason ("commerce:refusals.minimum_not_met"); `{{minimum}}` is its only value. */
export function refusalKey(reason: RefusalReason): `commerce:refusals.${RefusalReason}` {
  return `commerce:refusals.${reason}`;
}

// English sentences until the commerce namespace has its translations (the keys above).
const MESSAGES: Record<RefusalReason, string> = {
  expired: "This code has expired.",
  not_started: "This code is not active yet.",
  minimum_not_met: "A minimum order of {{minimum}} is required for this code.",
  usage_limit_reached: "This code has reached its usage limit.",
  customer_limit_reached: "You have already used this code as many times as it allows.",
  not_applicable_to_cart: "This code does not apply to the items in your cart.",
  no_remaining_balance: "This gift card has no remaining balance.",
  gift_card_expired: "This gift card has expired.",
};

/** The English sentence for a refusal, with the minimum formatted in the order's currency. */
export function refusalMessage(
  refusal: Pick<Refusal, "reason" | "minimum">,
  options: { currency: string; locale: string },
): string {
  const minimum = refusal.minimum === undefined ? "" : formatMoney(refusal.minimum, options.currency, options.locale);
  return MESSAGES[refusal.reason].replace("{{minimum}}", minimum);
}
