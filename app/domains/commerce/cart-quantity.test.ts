import { describe, expect, it } from "vitest";
import { parseQuantity, quantityMessage, quantityMessageKey, type QuantityOptions } from "./cart-quantity";

const add: QuantityOptions = { mode: "add", inStock: null };
const update: QuantityOptions = { mode: "update", inStock: null };

describe("parseQuantity", () => {
  it("accepts whole numbers, trimmed", () => {
    expect(parseQuantity("1", add)).toEqual({ ok: true, quantity: 1 });
    expect(parseQuantity(" 12 ", add)).toEqual({ ok: true, quantity: 12 });
    expect(parseQuantity("007", add)).toEqual({ ok: true, quantity: 7 });
    expect(parseQuantity("99", add)).toEqual({ ok: true, quantity: 99 });
  });

  it("refuses text, empty values, files and number tricks", () => {
    for (const raw of ["", "  ", "two", "+1", "0x10", "1 000", "١", "Infinity", "NaN", "- 1", "1abc"]) {
      expect(parseQuantity(raw, add), raw).toEqual({ ok: false, reason: "not_a_number" });
    }
    expect(parseQuantity(null, add)).toEqual({ ok: false, reason: "not_a_number" });
    expect(parseQuantity(new File(["3"], "q.txt"), add)).toEqual({ ok: false, reason: "not_a_number" });
  });

  it("refuses decimals and exponents as not whole, even 2.0", () => {
    for (const raw of ["2.5", "2.0", "2.", ".5", "1,5", "1e3", "1E2", "-1.5"]) {
      expect(parseQuantity(raw, add), raw).toEqual({ ok: false, reason: "not_whole" });
    }
  });

  it("needs at least 1 when adding and allows 0 (remove) when updating", () => {
    expect(parseQuantity("0", add)).toEqual({ ok: false, reason: "too_small", limit: 1 });
    expect(parseQuantity("-3", add)).toEqual({ ok: false, reason: "too_small", limit: 1 });
    expect(parseQuantity("0", update)).toEqual({ ok: true, quantity: 0 });
    expect(parseQuantity("-1", update)).toEqual({ ok: false, reason: "too_small", limit: 0 });
  });

  it("caps a line at the maximum", () => {
    expect(parseQuantity("100", add)).toEqual({ ok: false, reason: "too_large", limit: 99 });
    expect(parseQuantity("99999999999999999999999", update)).toEqual({ ok: false, reason: "too_large", limit: 99 });
    expect(parseQuantity("6", { ...add, maxPerLine: 5 })).toEqual({ ok: false, reason: "too_large", limit: 5 });
  });

  it("stays within stock", () => {
    expect(parseQuantity("3", { ...add, inStock: 3 })).toEqual({ ok: true, quantity: 3 });
    expect(parseQuantity("4", { ...add, inStock: 3 })).toEqual({ ok: false, reason: "exceeds_stock", limit: 3 });
    expect(parseQuantity("500", { ...update, inStock: 3 })).toEqual({ ok: false, reason: "exceeds_stock", limit: 3 });
    expect(parseQuantity("1", { ...add, inStock: 0 })).toEqual({ ok: false, reason: "exceeds_stock", limit: 0 });
    expect(parseQuantity("1", { ...add, inStock: -2 })).toEqual({ ok: false, reason: "exceeds_stock", limit: 0 });
    expect(parseQuantity("0", { ...update, inStock: 0 })).toEqual({ ok: true, quantity: 0 });
    // Plenty of stock: the per-line maximum is what stops it.
    expect(parseQuantity("150", { ...add, inStock: 1000 })).toEqual({ ok: false, reason: "too_large", limit: 99 });
  });

  it("counts what is already in the cart when adding", () => {
    expect(parseQuantity("1", { ...add, inStock: 3, alreadyInCart: 2 })).toEqual({ ok: true, quantity: 1 });
    expect(parseQuantity("2", { ...add, inStock: 3, alreadyInCart: 2 })).toEqual({
      ok: false,
      reason: "exceeds_stock",
      limit: 3,
    });
    expect(parseQuantity("1", { ...add, alreadyInCart: 99 })).toEqual({ ok: false, reason: "too_large", limit: 99 });
    // Updating replaces the line, so what was there does not count.
    expect(parseQuantity("3", { ...update, inStock: 3, alreadyInCart: 2 })).toEqual({ ok: true, quantity: 3 });
  });
});

describe("messages", () => {
  it("gives a translation key and count per reason", () => {
    expect(quantityMessageKey({ reason: "exceeds_stock", limit: 3 })).toEqual({
      key: "commerce:quantity.exceeds_stock",
      values: { count: 3 },
    });
    expect(quantityMessageKey({ reason: "not_whole" })).toEqual({ key: "commerce:quantity.not_whole", values: {} });
  });

  it("says clearly what is wrong in English", () => {
    expect(quantityMessage({ reason: "exceeds_stock", limit: 3 })).toBe("Only 3 left in stock.");
    expect(quantityMessage({ reason: "exceeds_stock", limit: 0 })).toBe("This item is out of stock.");
    expect(quantityMessage({ reason: "too_large", limit: 99 })).toBe("You can buy at most 99 of this item.");
    expect(quantityMessage({ reason: "too_small", limit: 1 })).toBe("Enter a quantity of at least 1.");
    expect(quantityMessage({ reason: "too_small", limit: 0 })).toContain("Use 0 to remove");
    expect(quantityMessage({ reason: "not_a_number" })).toBe("Enter the quantity as a number, like 1 or 2.");
    expect(quantityMessage({ reason: "not_whole" })).toBe("Enter a whole number, like 1 or 2.");
  });
});
