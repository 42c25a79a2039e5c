// Reading a cart quantity from a form (pure). Whatever the shopper sends, the answer is either a
// whole number within the limits or a reason the route turns into a message, leaving the cart as
// it was.
//
// Decisions:
// - Only ASCII digits after trimming: "2.0", "1e3", "+1", "0x10", "١" and "" are refused, so the
//   number in the cart is exactly what was typed. Leading zeros ("007") are harmless and read as 7.
// - "add" needs at least 1; "update" allows 0, which means "remove the line".
// - Limits apply to the line after the change (`alreadyInCart` + the added amount when adding),
//   and the tighter of stock and `maxPerLine` is the one reported, so the shopper hears
//   "Only 3 left in stock." rather than "at most 99" when 3 is what stops them.
// - `inStock: null` means the product does not track stock; a negative stock counts as 0.

export const DEFAULT_MAX_PER_LINE = 99;

export type QuantityMode = "add" | "update";
export type QuantityReason = "not_a_number" | "not_whole" | "too_small" | "too_large" | "exceeds_stock";
export type QuantityResult = { ok: true; quantity: number } | { ok: false; reason: QuantityReason; limit?: number };
export type QuantityOptions = {
  mode: QuantityMode;
  /** Units available, or null when the product's stock is not tracked. */
  inStock: number | null;
  maxPerLine?: number;
  /** Units of this line already in the cart; counted against the limits when adding. */
  alreadyInCart?: number;
};

const DIGITS = /^\d+$/;
// Looks like a number but is not whole: decimals ("2.5", "2.0", ",5") and exponents ("1e3").
const FRACTIONAL = /^[+-]?(\d+[.,]\d*|[.,]\d+|\d+(\.\d+)?e[+-]?\d+)$/i;
const NEGATIVE = /^-\d+$/;

/** `raw` is what `formData.get("quantity")` returned. */
export function parseQuantity(raw: FormDataEntryValue | null, options: QuantityOptions): QuantityResult {
  const { mode, inStock, maxPerLine = DEFAULT_MAX_PER_LINE, alreadyInCart = 0 } = options;
  const minimum = mode === "add" ? 1 : 0;
  if (typeof raw !== "string") return { ok: false, reason: "not_a_number" };
  const text = raw.trim();

  if (NEGATIVE.test(text)) return { ok: false, reason: "too_small", limit: minimum };
  if (FRACTIONAL.test(text)) return { ok: false, reason: "not_whole" };
  if (!DIGITS.test(text)) return { ok: false, reason: "not_a_number" };

  // Past 15 digits Number() loses precision, but such a number is far over any limit anyway.
  const quantity = Number(text);
  if (quantity < minimum) return { ok: false, reason: "too_small", limit: minimum };

  const lineQuantity = mode === "add" ? alreadyInCart + quantity : quantity;
  const stock = inStock === null ? Infinity : Math.max(0, inStock);
  if (lineQuantity > Math.min(stock, maxPerLine)) {
    return stock < maxPerLine
      ? { ok: false, reason: "exceeds_stock", limit: stock }
      : { ok: false, reason: "too_large", limit: maxPerLine };
  }
  return { ok: true, quantity };
}

/**
 * The translation key and values for a refusal: `t(key, values)` in the commerce namespace.
 * `count` drives plurals; exceeds_stock with count 0 should have a `_zero` form ("out of stock").
 */
export function quantityMessageKey(failure: { reason: QuantityReason; limit?: number }): {
  key: `commerce:quantity.${QuantityReason}`;
  values: { count?: number };
} {
  return {
    key: `commerce:quantity.${failure.reason}`,
    values: failure.limit === undefined ? {} : { count: failure.limit },
  };
}

/** The English text, for logs, tests and the English locale file. */
export function quantityMessage(failure: { reason: QuantityReason; limit?: number }): string {
  const limit = failure.limit ?? 0;
  switch (failure.reason) {
    case "not_a_number":
      return "Enter the quantity as a number, like 1 or 2.";
    case "not_whole":
      return "Enter a whole number, like 1 or 2.";
    case "too_small":
      return limit === 0 ? "The quantity cannot be negative. Use 0 to remove the item." : "Enter a quantity of at least 1.";
    case "too_large":
      return `You can buy at most ${limit} of this item.`;
    case "exceeds_stock":
      return limit === 0 ? "This item is out of stock." : `Only ${limit} left in stock.`;
  }
}
