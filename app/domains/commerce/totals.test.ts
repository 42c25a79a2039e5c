import { describe, expect, it } from "vitest";
import type { CartLine } from "./cart-lines";
import type { DiscountCode } from "./discounts";
import type { GiftCard } from "./gift-cards";
import { refusalMessage } from "./refusals";
import { computeTotals, type TaxSetting, type Totals, type TotalsInput } from "./totals";

const now = new Date("2026-06-01T12:00:00Z");
const ms = (offset: number) => new Date(now.getTime() + offset);
const usd = { currency: "USD", locale: "en-US" };

let lineCount = 0;
function line(overrides: Partial<CartLine> = {}): CartLine {
  lineCount += 1;
  return {
    id: `line-${lineCount}`,
    productId: "shirt",
    categoryIds: ["apparel"],
    unitPrice: 1000,
    quantity: 1,
    taxable: true,
    requiresShipping: true,
    ...overrides,
  };
}

function code(overrides: Partial<DiscountCode> = {}): DiscountCode {
  return { code: "SAVE", kind: "percentage", value: 1000, usedCount: 0, usedByCustomer: 0, ...overrides };
}

const flat = { methodId: "standard", kind: "flat", rate: 500 } as const;
const tax = (rateBasisPoints: number, shippingTaxable = false): TaxSetting => ({
  rateBasisPoints,
  shippingTaxable,
  pricesIncludeTax: false,
});

function totals(input: Partial<TotalsInput>): Totals {
  return computeTotals({ currency: "USD", lines: [], now, ...input });
}

describe("computeTotals basics", () => {
  it("gives all zeros for an empty cart", () => {
    const result = totals({ shipping: flat, tax: tax(2000, true) });
    expect(result).toMatchObject({
      merchandiseSubtotal: 0,
      discountTotal: 0,
      shippingTotal: 0,
      taxTotal: 0,
      grandTotal: 0,
      amountDue: 0,
      shipping: null,
      requiresShipping: false,
      refusals: [],
      lines: [],
    });
  });

  it("sums unit price × quantity and adds shipping", () => {
    const result = totals({
      lines: [line({ unitPrice: 1999, quantity: 3 }), line({ unitPrice: 1 })],
      shipping: flat,
    });
    expect(result.merchandiseSubtotal).toBe(5998);
    expect(result.shippingTotal).toBe(500);
    expect(result.grandTotal).toBe(6498);
    expect(result.amountDue).toBe(6498);
  });

  it.each([
    ["quantity 0", { quantity: 0 }],
    ["quantity 1000", { quantity: 1000 }],
    ["fractional quantity", { quantity: 1.5 }],
    ["negative price", { unitPrice: -1 }],
    ["fractional price", { unitPrice: 9.99 }],
  ])("throws a programmer error on %s", (_, overrides) => {
    expect(() => totals({ lines: [line(overrides)] })).toThrow(RangeError);
  });

  it("accepts the boundary quantities 1 and 999", () => {
    expect(totals({ lines: [line({ quantity: 999, unitPrice: 3 })] }).merchandiseSubtotal).toBe(2997);
  });

  it("throws on duplicate line ids, an unknown currency, bad rates and bad discounts", () => {
    const one = line();
    expect(() => totals({ lines: [one, one] })).toThrow(/duplicate/);
    expect(() => totals({ currency: "DOLLARS" })).toThrow(RangeError);
    expect(() => totals({ lines: [line()], tax: tax(12.5) })).toThrow(/tax rate/);
    const inclusive = { ...tax(2000), pricesIncludeTax: true } as unknown as TaxSetting;
    expect(() => totals({ lines: [line()], tax: inclusive })).toThrow(/tax-inclusive/);
    expect(() => totals({ lines: [line()], discount: code({ value: 10_001 }) })).toThrow(RangeError);
    expect(() => totals({ lines: [line()], discount: code({ kind: "fixed", value: -5 }) })).toThrow(RangeError);
    expect(() => totals({ lines: [line()], shipping: { ...flat, rate: -1 } })).toThrow(RangeError);
  });
});

describe("percentage discounts", () => {
  it("rounds half-up once on the eligible subtotal, then allocates exactly over the lines", () => {
    // 10 % of 1005 = 100.5 → 101, spread 1:1:… in proportion to the line totals.
    const result = totals({
      lines: [line({ unitPrice: 335 }), line({ unitPrice: 335 }), line({ unitPrice: 335 })],
      discount: code({ value: 1000 }),
    });
    expect(result.discountTotal).toBe(101);
    expect(result.lines.map((l) => l.discountAllocated)).toEqual([34, 34, 33]);
    expect(result.discount).toEqual({ code: "SAVE", kind: "percentage", amount: 101 });
    expect(result.grandTotal).toBe(1005 - 101);
  });

  it("only discounts the listed products or categories", () => {
    const shirt = line({ productId: "shirt", categoryIds: ["apparel"], unitPrice: 2000 });
    const mug = line({ productId: "mug", categoryIds: ["home"], unitPrice: 1000 });
    const book = line({ productId: "book", categoryIds: ["books"], unitPrice: 3000 });
    const byProduct = totals({ lines: [shirt, mug, book], discount: code({ value: 5000, productIds: ["mug"] }) });
    expect(byProduct.lines.map((l) => l.discountAllocated)).toEqual([0, 500, 0]);
    const byCategory = totals({
      lines: [shirt, mug, book],
      discount: code({ value: 5000, categoryIds: ["apparel", "books"] }),
    });
    expect(byCategory.lines.map((l) => l.discountAllocated)).toEqual([1000, 0, 1500]);
    const either = totals({
      lines: [shirt, mug, book],
      discount: code({ value: 5000, productIds: ["mug"], categoryIds: ["books"] }),
    });
    expect(either.discountTotal).toBe(2000);
  });

  it("can take 100 % off without making a line negative", () => {
    const result = totals({ lines: [line({ unitPrice: 333 }), line({ unitPrice: 1 })], discount: code({ value: 10_000 }) });
    expect(result.lines.map((l) => l.discountAllocated)).toEqual([333, 1]);
    expect(result.grandTotal).toBe(0);
  });
});

describe("fixed discounts", () => {
  it("takes the amount off, spread in proportion to the eligible lines", () => {
    const result = totals({
      lines: [line({ unitPrice: 3000 }), line({ unitPrice: 1000 })],
      discount: code({ kind: "fixed", value: 1001 }),
    });
    expect(result.discountTotal).toBe(1001);
    expect(result.lines.map((l) => l.discountAllocated)).toEqual([751, 250]);
  });

  it("never takes off more than the eligible subtotal", () => {
    const result = totals({
      lines: [line({ productId: "mug", unitPrice: 700 }), line({ productId: "shirt", unitPrice: 5000 })],
      discount: code({ kind: "fixed", value: 1000, productIds: ["mug"] }),
    });
    expect(result.discountTotal).toBe(700);
    expect(result.lines.map((l) => l.discountAllocated)).toEqual([700, 0]);
    expect(result.grandTotal).toBe(5000);
  });
});

describe("free-shipping codes", () => {
  it("waives the shipping when a line ships", () => {
    const result = totals({ lines: [line()], shipping: flat, discount: code({ kind: "free_shipping", value: 0 }) });
    expect(result.shippingTotal).toBe(0);
    expect(result.shipping).toEqual({ methodId: "standard", rate: 500, amount: 0, waivedBy: "discount" });
    expect(result.discountTotal).toBe(0);
    expect(result.discount?.kind).toBe("free_shipping");
  });

  it("is refused on a digital-only cart, or when no eligible line ships", () => {
    const digital = line({ requiresShipping: false, productId: "ebook" });
    const refused = totals({ lines: [digital], shipping: flat, discount: code({ kind: "free_shipping" }) });
    expect(refused.refusals).toEqual([{ source: "discount", code: "SAVE", reason: "not_applicable_to_cart" }]);
    const onlyEbooks = totals({
      lines: [digital, line({ productId: "shirt" })],
      shipping: flat,
      discount: code({ kind: "free_shipping", productIds: ["ebook"] }),
    });
    expect(onlyEbooks.refusals.map((r) => r.reason)).toEqual(["not_applicable_to_cart"]);
    expect(onlyEbooks.shippingTotal).toBe(500);
  });
});

describe("discount conditions", () => {
  const startsAt = now;
  const endsAt = ms(60_000);
  it.each([
    ["exactly at startsAt", now, null],
    ["1 ms before startsAt", ms(-1), "not_started"],
    ["1 ms before endsAt", ms(59_999), null],
    ["exactly at endsAt", ms(60_000), "expired"],
  ])("dates: %s", (_, at, reason) => {
    const result = totals({ lines: [line()], discount: code({ startsAt, endsAt }), now: at });
    expect(result.refusals.map((r) => r.reason)).toEqual(reason ? [reason] : []);
    expect(result.discountTotal).toBe(reason ? 0 : 100);
  });

  it.each([
    [{ usageLimit: 10, usedCount: 9 }, null],
    [{ usageLimit: 10, usedCount: 10 }, "usage_limit_reached"],
    [{ usageLimit: 0, usedCount: 0 }, "usage_limit_reached"],
    [{ perCustomerLimit: 1, usedByCustomer: 0 }, null],
    [{ perCustomerLimit: 1, usedByCustomer: 1 }, "customer_limit_reached"],
    [{ usedCount: 5000, usedByCustomer: 12 }, null], // no limits set
  ])("limits: %j → %s", (overrides, reason) => {
    const result = totals({ lines: [line()], discount: code(overrides) });
    expect(result.refusals.map((r) => r.reason)).toEqual(reason ? [reason] : []);
  });

  it("applies at exactly the minimum and refuses one cent below, saying how much", () => {
    const at = totals({ lines: [line({ unitPrice: 5000 })], discount: code({ minSubtotal: 5000 }) });
    expect(at.discountTotal).toBe(500);
    const below = totals({ lines: [line({ unitPrice: 4999 })], discount: code({ minSubtotal: 5000 }) });
    expect(below.discountTotal).toBe(0);
    expect(below.refusals).toEqual([{ source: "discount", code: "SAVE", reason: "minimum_not_met", minimum: 5000 }]);
    expect(refusalMessage(below.refusals[0], usd)).toBe("A minimum order of $50.00 is required for this code.");
  });

  it("counts the whole cart toward the minimum, not only the eligible lines", () => {
    const result = totals({
      lines: [line({ productId: "mug", unitPrice: 1000 }), line({ productId: "shirt", unitPrice: 4000 })],
      discount: code({ minSubtotal: 5000, productIds: ["mug"] }),
    });
    expect(result.discountTotal).toBe(100);
  });

  it("says not applicable (rather than the minimum) when no line is eligible", () => {
    const result = totals({
      lines: [line({ productId: "shirt", categoryIds: ["apparel"] })],
      discount: code({ minSubtotal: 99_999, productIds: ["mug"], categoryIds: ["home"] }),
    });
    expect(result.refusals.map((r) => r.reason)).toEqual(["not_applicable_to_cart"]);
  });

  it("reports the first failing rule: dates, then limits", () => {
    const result = totals({
      lines: [line()],
      discount: code({ endsAt: ms(-1), usageLimit: 1, usedCount: 1 }),
    });
    expect(result.refusals.map((r) => r.reason)).toEqual(["expired"]);
  });
});

describe("shipping", () => {
  const threshold = { ...flat, freeAbove: 5000 };
  it.each([
    [5000, 0, "threshold"],
    [4999, 500, null],
  ])("subtotal %i with free above 5000 → shipping %i", (unitPrice, expected, waivedBy) => {
    const result = totals({ lines: [line({ unitPrice })], shipping: threshold });
    expect(result.shippingTotal).toBe(expected);
    expect(result.shipping?.waivedBy).toBe(waivedBy);
  });

  it("compares the threshold with the subtotal after the discount", () => {
    const result = totals({
      lines: [line({ unitPrice: 5500 })],
      shipping: threshold,
      discount: code({ kind: "fixed", value: 501 }),
    });
    expect(result.shippingTotal).toBe(500);
    const stillFree = totals({
      lines: [line({ unitPrice: 5500 })],
      shipping: threshold,
      discount: code({ kind: "fixed", value: 500 }),
    });
    expect(stillFree.shippingTotal).toBe(0);
  });

  it("charges nothing for a digital-only cart, whatever the method", () => {
    const result = totals({ lines: [line({ requiresShipping: false })], shipping: flat });
    expect(result).toMatchObject({ requiresShipping: false, shipping: null, shippingTotal: 0 });
  });

  it("counts 0 until a method is chosen for a cart that ships", () => {
    const result = totals({ lines: [line()] });
    expect(result).toMatchObject({ requiresShipping: true, shipping: null, shippingTotal: 0 });
  });
});

describe("tax", () => {
  it("rounds per line: three lines of 33.3 cents of tax make 99, not 100", () => {
    const lines = [line({ unitPrice: 333 }), line({ unitPrice: 333 }), line({ unitPrice: 333 })];
    const result = totals({ lines, tax: tax(1000) });
    expect(result.lines.map((l) => l.tax)).toEqual([33, 33, 33]);
    expect(result.taxTotal).toBe(99);
  });

  it("rounds each exact half cent up: three lines of 0.5 cents make 3", () => {
    const lines = [line({ unitPrice: 5 }), line({ unitPrice: 5 }), line({ unitPrice: 5 })];
    expect(totals({ lines, tax: tax(1000) }).taxTotal).toBe(3);
  });

  it("taxes the line after its discount share and skips untaxed lines", () => {
    const result = totals({
      lines: [line({ unitPrice: 2000 }), line({ unitPrice: 1000, taxable: false })],
      discount: code({ kind: "fixed", value: 300 }),
      tax: tax(2000),
    });
    // 300 off is spread 200 / 100; only the first line is taxed: 20 % of 1800.
    expect(result.lines.map((l) => [l.discountAllocated, l.taxableAmount, l.tax])).toEqual([
      [200, 1800, 360],
      [100, 0, 0],
    ]);
    expect(result.taxTotal).toBe(360);
  });

  it.each([
    [true, 100 + 200],
    [false, 200],
  ])("shipping taxable %s → tax %i", (shippingTaxable, expected) => {
    const result = totals({ lines: [line({ unitPrice: 1000 })], shipping: flat, tax: tax(2000, shippingTaxable) });
    expect(result.shippingTax).toBe(shippingTaxable ? 100 : 0);
    expect(result.taxTotal).toBe(expected);
    expect(result.grandTotal).toBe(1000 + 500 + expected);
  });

  it("does not tax shipping that a free-shipping code waived", () => {
    const result = totals({
      lines: [line({ unitPrice: 1000 })],
      shipping: flat,
      tax: tax(2000, true),
      discount: code({ kind: "free_shipping" }),
    });
    expect(result.shippingTax).toBe(0);
  });
});

describe("gift cards", () => {
  const cart = { lines: [line({ unitPrice: 5000 })] };
  it("pays part of the order", () => {
    const result = totals({ ...cart, giftCards: [{ code: "GC1", balance: 2000 }] });
    expect(result.giftCardApplied).toEqual([{ code: "GC1", amount: 2000 }]);
    expect(result.grandTotal).toBe(5000);
    expect(result.amountDue).toBe(3000);
  });

  it("covers the whole order without going below zero", () => {
    const result = totals({ ...cart, giftCards: [{ code: "GC1", balance: 9000 }] });
    expect(result.giftCardApplied).toEqual([{ code: "GC1", amount: 5000 }]);
    expect(result.amountDue).toBe(0);
  });

  it("draws several cards in order; a card not needed is listed with 0", () => {
    const cards: GiftCard[] = [
      { code: "A", balance: 3000 },
      { code: "B", balance: 3000, expiresAt: ms(1) },
      { code: "C", balance: 1000 },
    ];
    const result = totals({ ...cart, giftCards: cards });
    expect(result.giftCardApplied).toEqual([
      { code: "A", amount: 3000 },
      { code: "B", amount: 2000 },
      { code: "C", amount: 0 },
    ]);
    expect(result.giftCardTotal).toBe(5000);
    expect(result.amountDue).toBe(0);
  });

  it("refuses an expired card (exactly at expiresAt) and an empty one, with a message", () => {
    const result = totals({
      ...cart,
      giftCards: [
        { code: "OLD", balance: 2000, expiresAt: now },
        { code: "EMPTY", balance: 0 },
      ],
    });
    expect(result.giftCardApplied).toEqual([]);
    expect(result.amountDue).toBe(5000);
    expect(result.refusals).toEqual([
      { source: "gift_card", code: "OLD", reason: "gift_card_expired" },
      { source: "gift_card", code: "EMPTY", reason: "no_remaining_balance" },
    ]);
    expect(result.refusals.map((r) => refusalMessage(r, usd))).toEqual([
      "This gift card has expired.",
      "This gift card has no remaining balance.",
    ]);
  });

  it("throws on a negative balance or the same card twice", () => {
    expect(() => totals({ ...cart, giftCards: [{ code: "X", balance: -1 }] })).toThrow(RangeError);
    const card = { code: "X", balance: 1 };
    expect(() => totals({ ...cart, giftCards: [card, card] })).toThrow(/twice/);
  });
});

describe("everything together", () => {
  it("applies discount, shipping, tax and gift cards in order, to the cent", () => {
    const result = totals({
      lines: [
        line({ id: "a", productId: "shirt", categoryIds: ["apparel"], unitPrice: 1999, quantity: 2 }),
        line({ id: "b", productId: "mug", categoryIds: ["home"], unitPrice: 4550 }),
        line({ id: "c", productId: "ebook", categoryIds: ["books"], unitPrice: 1000, taxable: false, requiresShipping: false }),
      ],
      shipping: { methodId: "standard", kind: "flat", rate: 695, freeAbove: 10_000 },
      tax: tax(825, true),
      discount: code({ code: "HOME15", value: 1500, categoryIds: ["apparel", "home"], minSubtotal: 5000 }),
      giftCards: [
        { code: "OLD", balance: 5000, expiresAt: ms(-1) },
        { code: "EMPTY", balance: 0 },
        { code: "BIRTHDAY", balance: 5000 },
        { code: "XMAS", balance: 3000 },
      ],
    });
    // 15 % of the eligible 8548 = 1282.2 → 1282, split 600 / 682 (largest remainder to the shirt).
    // Shipping 695 (8266 after discount is under 10000). Tax 8.25 %: 3398 → 280.335 → 280,
    // 3868 → 319.11 → 319, shipping 695 → 57.3375 → 57.
    expect(result.merchandiseSubtotal).toBe(9548);
    expect(result.discountTotal).toBe(1282);
    expect(result.lines).toEqual([
      { id: "a", lineTotal: 3998, discountAllocated: 600, taxableAmount: 3398, tax: 280 },
      { id: "b", lineTotal: 4550, discountAllocated: 682, taxableAmount: 3868, tax: 319 },
      { id: "c", lineTotal: 1000, discountAllocated: 0, taxableAmount: 0, tax: 0 },
    ]);
    expect(result.shippingTotal).toBe(695);
    expect(result.shippingTax).toBe(57);
    expect(result.taxTotal).toBe(656);
    expect(result.grandTotal).toBe(9617);
    expect(result.giftCardApplied).toEqual([
      { code: "BIRTHDAY", amount: 5000 },
      { code: "XMAS", amount: 3000 },
    ]);
    expect(result.amountDue).toBe(1617);
    expect(result.refusals.map((r) => `${r.code}:${r.reason}`)).toEqual(["OLD:gift_card_expired", "EMPTY:no_remaining_balance"]);
  });

  it("computes the same totals in other currencies' minor units (JPY, KWD)", () => {
    const yen = computeTotals({ currency: "JPY", lines: [line({ unitPrice: 1234 })], tax: tax(1000), now });
    expect(yen.grandTotal).toBe(1234 + 123);
    const dinar = computeTotals({ currency: "KWD", lines: [line({ unitPrice: 1005 })], tax: tax(500), now });
    expect(dinar.taxTotal).toBe(50); // 50.25 fils → 50
  });
});

// A small deterministic PRNG (mulberry32) so failures reproduce without a new dependency.
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("invariants over random carts", () => {
  const random = mulberry32(20260601);
  const int = (max: number) => Math.floor(random() * (max + 1));
  const pick = <T>(items: readonly T[]): T => items[int(items.length - 1)];
  const products = ["p1", "p2", "p3", "p4"];
  const categories = ["c1", "c2", "c3"];

  function randomInput(): TotalsInput {
    const lines = Array.from({ length: int(6) }, (_, i) =>
      line({
        id: `r${i}`,
        productId: pick(products),
        categoryIds: categories.filter(() => random() < 0.4),
        unitPrice: pick([0, 1, 5, 333, 999, int(50_000)]),
        quantity: 1 + int(random() < 0.9 ? 5 : 998),
        taxable: random() < 0.8,
        requiresShipping: random() < 0.7,
      }),
    );
    const kind = pick(["percentage", "fixed", "free_shipping"] as const);
    return {
      currency: pick(["USD", "JPY", "KWD"]),
      lines,
      now,
      shipping:
        random() < 0.8
          ? { methodId: "m", kind: "flat", rate: int(2000), freeAbove: random() < 0.5 ? int(20_000) : undefined }
          : undefined,
      tax: random() < 0.8 ? tax(int(2500), random() < 0.5) : undefined,
      discount:
        random() < 0.7
          ? code({
              kind,
              value: kind === "percentage" ? int(10_000) : int(30_000),
              minSubtotal: random() < 0.3 ? int(20_000) : undefined,
              productIds: random() < 0.3 ? [pick(products)] : undefined,
              categoryIds: random() < 0.3 ? [pick(categories)] : undefined,
              endsAt: random() < 0.1 ? ms(-1) : undefined,
            })
          : undefined,
      giftCards: Array.from({ length: int(3) }, (_, i) => ({
        code: `g${i}`,
        balance: int(30_000),
        expiresAt: random() < 0.2 ? ms(-1) : undefined,
      })),
    };
  }

  it("keeps every amount an integer and every identity exact over 2000 carts", () => {
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    for (let run = 0; run < 2000; run++) {
      const input = randomInput();
      const result = computeTotals(input);
      const context = JSON.stringify(input);

      const amounts = [
        result.merchandiseSubtotal,
        result.discountTotal,
        result.shippingTotal,
        result.shippingTax,
        result.taxTotal,
        result.grandTotal,
        result.giftCardTotal,
        result.amountDue,
        ...result.lines.flatMap((l) => [l.lineTotal, l.discountAllocated, l.taxableAmount, l.tax]),
        ...result.giftCardApplied.map((g) => g.amount),
      ];
      expect(
        amounts.every((a) => Number.isSafeInteger(a) && a >= 0),
        context,
      ).toBe(true);

      expect(sum(result.lines.map((l) => l.lineTotal)), context).toBe(result.merchandiseSubtotal);
      expect(sum(result.lines.map((l) => l.discountAllocated)), context).toBe(result.discountTotal);
      result.lines.forEach((l) => expect(l.discountAllocated, context).toBeLessThanOrEqual(l.lineTotal));
      expect(result.discountTotal, context).toBeLessThanOrEqual(result.merchandiseSubtotal);
      expect(sum(result.lines.map((l) => l.tax)) + result.shippingTax, context).toBe(result.taxTotal);
      expect(result.grandTotal, context).toBe(
        result.merchandiseSubtotal - result.discountTotal + result.shippingTotal + result.taxTotal,
      );
      expect(result.amountDue, context).toBe(result.grandTotal - result.giftCardTotal);
      for (const use of result.giftCardApplied) {
        const card = input.giftCards?.find((g) => g.code === use.code);
        expect(use.amount, context).toBeLessThanOrEqual(card?.balance ?? -1);
      }
      if (!result.requiresShipping) expect(result.shippingTotal, context).toBe(0);
      // A code is either applied or refused, never silently dropped.
      if (input.discount) {
        const refused = result.refusals.some((r) => r.source === "discount");
        expect(refused !== (result.discount !== null), context).toBe(true);
      }
      expect(computeTotals(input), context).toEqual(result);
    }
  });
});
