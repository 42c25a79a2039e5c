import { describe, expect, it } from "vitest";
import { isDomainError } from "~/domains/errors";
import { assertSplitFits, refundableAmount, splitRefund, type RefundLedger } from "./refund-split";

const ledger = (over: Partial<RefundLedger> = {}): RefundLedger => ({
  cardPaid: 3000,
  giftCardPaid: 2000,
  cardRefunded: 0,
  giftCardRefunded: 0,
  ...over,
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isDomainError(error) ? error.code : "other";
  }
  return undefined;
}

describe("splitRefund", () => {
  it("returns the card part first", () => {
    expect(splitRefund(ledger(), 1200)).toEqual({ cardAmount: 1200, giftCardAmount: 0 });
    expect(splitRefund(ledger(), 3000)).toEqual({ cardAmount: 3000, giftCardAmount: 0 });
  });

  it("credits gift cards once the card part is used up", () => {
    expect(splitRefund(ledger(), 3500)).toEqual({ cardAmount: 3000, giftCardAmount: 500 });
    expect(splitRefund(ledger({ cardRefunded: 3000 }), 700)).toEqual({ cardAmount: 0, giftCardAmount: 700 });
    expect(splitRefund(ledger(), 5000)).toEqual({ cardAmount: 3000, giftCardAmount: 2000 });
  });

  it("refuses more than is left, counting earlier refunds", () => {
    expect(refundableAmount(ledger({ cardRefunded: 1000, giftCardRefunded: 500 }))).toBe(3500);
    expect(codeOf(() => splitRefund(ledger({ cardRefunded: 1000, giftCardRefunded: 500 }), 3501))).toBe(
      "refund_exceeds_refundable",
    );
    expect(codeOf(() => splitRefund(ledger({ cardRefunded: 3000, giftCardRefunded: 2000 }), 1))).toBe(
      "refund_exceeds_refundable",
    );
  });

  it("refuses zero, negative and fractional amounts", () => {
    expect(codeOf(() => splitRefund(ledger(), 0))).toBe("invalid_refund");
    expect(codeOf(() => splitRefund(ledger(), -5))).toBe("invalid_refund");
    expect(codeOf(() => splitRefund(ledger(), 1.5))).toBe("invalid_refund");
  });
});

describe("assertSplitFits", () => {
  it("accepts a split within each part and refuses one over either part", () => {
    expect(codeOf(() => assertSplitFits(ledger(), { cardAmount: 3000, giftCardAmount: 2000 }))).toBeUndefined();
    expect(codeOf(() => assertSplitFits(ledger(), { cardAmount: 3001, giftCardAmount: 0 }))).toBe("refund_exceeds_refundable");
    expect(codeOf(() => assertSplitFits(ledger(), { cardAmount: 0, giftCardAmount: 2001 }))).toBe("refund_exceeds_refundable");
    expect(codeOf(() => assertSplitFits(ledger(), { cardAmount: 0, giftCardAmount: 0 }))).toBe("invalid_refund");
  });
});
