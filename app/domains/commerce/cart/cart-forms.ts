// The cart page's forms, shared by the browser (conform hints) and the server (the verdict). The
// quantity stays text here: parseQuantity (cart-quantity.ts) reads it with the stock in hand.
import { z } from "zod";

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export const CART_INTENTS = [
  "add",
  "update",
  "remove",
  "apply-discount",
  "remove-discount",
  "apply-gift-card",
  "remove-gift-card",
] as const;
export type CartIntent = (typeof CART_INTENTS)[number];

export const CODE_MAX_LENGTH = 64;
/** Gift cards one order may use. */
export const MAX_GIFT_CARDS = 5;

export function isCartIntent(value: unknown): value is CartIntent {
  return typeof value === "string" && (CART_INTENTS as readonly string[]).includes(value);
}

export function updateLineSchema(t: Translate) {
  return z.object({
    itemId: z.string({ required_error: t("errors.lineGone") }),
    quantity: z.string({ required_error: t("errors.quantityRequired") }).max(32, t("errors.quantityRequired")),
  });
}

export function discountSchema(t: Translate) {
  return z.object({
    code: z
      .string({ required_error: t("discount.required") })
      .trim()
      .min(1, t("discount.required"))
      .max(CODE_MAX_LENGTH, t("discount.tooLong", { max: CODE_MAX_LENGTH })),
  });
}

export function giftCardSchema(t: Translate) {
  return z.object({
    code: z
      .string({ required_error: t("giftCards.required") })
      .trim()
      .min(1, t("giftCards.required"))
      .max(CODE_MAX_LENGTH, t("giftCards.tooLong", { max: CODE_MAX_LENGTH })),
  });
}
