import { describe, expect, it } from "vitest";
import { allocate, assertMinor, currencyExponent, formatMoney, MAX_PARSED_MINOR, parseMoney, percentOf } from "./money";

describe("assertMinor", () => {
  it("accepts safe integers, including zero and negatives", () => {
    expect(() => assertMinor(0)).not.toThrow();
    expect(() => assertMinor(-5)).not.toThrow();
    expect(() => assertMinor(Number.MAX_SAFE_INTEGER)).not.toThrow();
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])("refuses %s", (value) => {
    expect(() => assertMinor(value, "price")).toThrow(/price must be a safe integer/);
  });
});

describe("currencyExponent and formatMoney", () => {
  it.each([
    ["JPY", 0],
    ["USD", 2],
    ["EUR", 2],
    ["KWD", 3],
    ["BHD", 3],
  ])("%s has %i minor digits", (currency, exponent) => {
    expect(currencyExponent(currency)).toBe(exponent);
  });

  it.each([
    [123450, "USD", "en-US", "$1,234.50"],
    [5, "USD", "en-US", "$0.05"],
    [0, "USD", "en-US", "$0.00"],
    [-1205, "USD", "en-US", "-$12.05"],
    [1235, "JPY", "en-US", "¥1,235"],
    [1234500, "KWD", "en-US", "KWD 1,234.500"],
    [123450, "EUR", "de-DE", "1.234,50 €"],
    // Beyond float precision for a division by 100, still exact because it is built from digits.
    [9_007_199_254_740_991, "USD", "en-US", "$90,071,992,547,409.91"],
  ])("formats %i %s in %s", (minor, currency, locale, expected) => {
    // Intl uses narrow no-break spaces in some locales; compare with plain spaces.
    expect(formatMoney(minor, currency, locale).replace(/\s/g, " ")).toBe(expected);
  });

  it("refuses a fractional amount", () => {
    expect(() => formatMoney(1.5, "USD", "en-US")).toThrow(RangeError);
  });
});

describe("parseMoney", () => {
  it.each([
    ["12", "USD", 1200],
    ["12.5", "USD", 1250],
    ["12.50", "USD", 1250],
    ["  0.07 ", "USD", 7],
    ["1,234.56", "USD", 123456],
    ["1,234,567", "USD", 123456700],
    ["1234", "JPY", 1234],
    ["1.234", "KWD", 1234],
    ["10000000000", "USD", MAX_PARSED_MINOR],
  ])("reads %j in %s as %i", (input, currency, expected) => {
    expect(parseMoney(input, currency)).toBe(expected);
  });

  it.each([
    ["", "USD"],
    ["abc", "USD"],
    ["12abc", "USD"],
    ["-12", "USD"],
    ["12.345", "USD"], // more decimals than cents
    ["12.5", "JPY"], // yen has no minor digits
    ["1.2345", "KWD"],
    ["12.", "USD"],
    [".5", "USD"],
    ["1,23.00", "USD"], // misplaced group separator
    ["1.234,56", "EUR"], // other locales' separators are not guessed
    ["10000000000.01", "USD"], // above the cap
    ["1e5", "USD"],
  ])("refuses %j in %s", (input, currency) => {
    expect(parseMoney(input, currency)).toBeNull();
  });
});

describe("percentOf", () => {
  it.each([
    [1000, 1250, 125], // 12.5 % of $10.00
    [1, 5000, 1], // 0.5 → 1 (half up)
    [3, 5000, 2], // 1.5 → 2
    [1, 4999, 0], // 0.4999 → 0
    [333, 1000, 33], // 33.3 → 33
    [335, 1000, 34], // 33.5 → 34
    [-335, 1000, -34], // half away from zero for negatives
    [0, 2000, 0],
    [999, 0, 0],
    [Number.MAX_SAFE_INTEGER, 10000, Number.MAX_SAFE_INTEGER], // no precision lost
  ])("%i × %i bp = %i", (amount, basisPoints, expected) => {
    expect(percentOf(amount, basisPoints)).toBe(expected);
  });

  it("refuses fractional or negative basis points", () => {
    expect(() => percentOf(100, 12.5)).toThrow(RangeError);
    expect(() => percentOf(100, -1)).toThrow(RangeError);
  });
});

describe("allocate", () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [100, [1, 1, 1, 1], [25, 25, 25, 25]],
    [5, [300, 200, 500], [2, 1, 2]],
    [1, [0, 10, 10], [0, 1, 0]], // tie goes to the earlier index
    [0, [0, 0], [0, 0]],
    [-100, [1, 1, 1], [-34, -33, -33]],
    [7, [1], [7]],
    [0, [], []],
  ])("splits %i over %j as %j", (amount, weights, expected) => {
    expect(allocate(amount, weights)).toEqual(expected);
  });

  it("never gives a share more than its weight when the amount fits", () => {
    const weights = [1, 2, 3, 97, 1000];
    const total = weights.reduce((a, b) => a + b, 0);
    for (let amount = 0; amount <= total; amount++) {
      const shares = allocate(amount, weights);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(amount);
      shares.forEach((share, i) => expect(share).toBeLessThanOrEqual(weights[i]));
    }
  });

  it("refuses a non-zero amount over zero weights and bad weights", () => {
    expect(() => allocate(1, [0, 0])).toThrow(/zero weights/);
    expect(() => allocate(1, [])).toThrow(/zero weights/);
    expect(() => allocate(1, [-1, 2])).toThrow(RangeError);
    expect(() => allocate(1, [0.5])).toThrow(RangeError);
  });
});
