// Order totals: the one computation behind the cart, the review page, the order row, the
// confirmation e-mail and the amount asked of Stripe. It is pure (no database, no clock: `now` is
// given) and everything is integer minor units, so the same input gives the same cents everywhere.
//
//   merchandiseSubtotal  Σ unitPrice × quantity
//   discountTotal        the discount code's amount on merchandise (see discounts.ts)
//   shippingTotal        flat rate of the chosen method, or 0 (see shippingFor)
//   taxTotal             Σ per-line tax + tax on shipping (see taxFor)
//   grandTotal           merchandiseSubtotal − discountTotal + shippingTotal + taxTotal
//   amountDue            grandTotal − gift cards, never below zero: what Stripe is asked for
//
// A discount code or gift card that cannot be used does not make the whole computation fail: the
// totals are computed without it and `refusals` says which code and why, so the cart can show the
// reason next to the code. Checkout refuses to place an order while refusals is not empty.
import { currencyExponent, assertMinor, percentOf, type Money } from "~/utils/money";
import { assertValidLines, lineTotal, type CartLine } from "./cart-lines";
import { evaluateDiscount, type DiscountCode, type DiscountKind } from "./discounts";
import { applyGiftCards, type GiftCard, type GiftCardUse } from "./gift-cards";
import type { Refusal } from "./refusals";

export type ShippingMethod = {
  methodId: string;
  kind: "flat";
  rate: Money;
  /** Shipping is free when the merchandise subtotal after discount reaches this amount. */
  freeAbove?: Money;
};

/**
 * One rate for the order's destination (country/region resolved before). Prices are tax-exclusive:
 * tax is added on top. Tax-inclusive pricing is not supported yet, hence the `false` literal.
 */
export type TaxSetting = { rateBasisPoints: number; shippingTaxable: boolean; pricesIncludeTax: false };

export type TotalsInput = {
  currency: string;
  lines: CartLine[];
  shipping?: ShippingMethod;
  tax?: TaxSetting;
  discount?: DiscountCode;
  giftCards?: GiftCard[];
  now: Date;
};

export type TotalsLine = {
  id: string;
  lineTotal: Money;
  discountAllocated: Money;
  /** lineTotal − discountAllocated for a taxable line, else 0. */
  taxableAmount: Money;
  tax: Money;
};

export type ShippingCharge = {
  methodId: string;
  rate: Money;
  amount: Money;
  /** Why a rate is not charged: the free-above threshold (checked first) or a free_shipping code. */
  waivedBy: "threshold" | "discount" | null;
};

export type Totals = {
  currency: string;
  lines: TotalsLine[];
  merchandiseSubtotal: Money;
  discount: { code: string; kind: DiscountKind; amount: Money } | null;
  discountTotal: Money;
  /** Some line ships. When true and no method is chosen yet, shipping is null and counts as 0. */
  requiresShipping: boolean;
  shipping: ShippingCharge | null;
  shippingTotal: Money;
  shippingTax: Money;
  taxTotal: Money;
  giftCardApplied: GiftCardUse[];
  giftCardTotal: Money;
  grandTotal: Money;
  amountDue: Money;
  refusals: Refusal[];
};

function assertNonNegative(value: number, label: string): void {
  assertMinor(value, label);
  if (value < 0) throw new RangeError(`${label} must not be negative`);
}

/**
 * The shipping charge. The free-above threshold compares the merchandise subtotal AFTER the
 * discount: a code that brings a $55 cart to $45 also brings it under a $50 free-shipping line, as
 * the customer pays $45 of goods. A cart with nothing to ship pays no shipping whatever the method.
 */
function shippingFor(
  method: ShippingMethod | undefined,
  requiresShipping: boolean,
  merchandiseAfterDiscount: Money,
  freeShippingCode: boolean,
): ShippingCharge | null {
  if (!method || !requiresShipping) return null;
  assertNonNegative(method.rate, "shipping rate");
  if (method.freeAbove !== undefined) assertNonNegative(method.freeAbove, "shipping freeAbove");
  const waivedBy =
    method.freeAbove !== undefined && merchandiseAfterDiscount >= method.freeAbove
      ? "threshold"
      : freeShippingCode
        ? "discount"
        : null;
  return { methodId: method.methodId, rate: method.rate, amount: waivedBy ? 0 : method.rate, waivedBy };
}

/**
 * Tax is rounded per line (half-up, on the line after its discount share) and then summed, plus
 * tax on shipping when the setting says shipping is taxable. Per-line rounding is what the order
 * lines, the invoice and Stripe's line items show, so their sum is the total by construction (the
 * total can differ by a few cents from rounding the untaxed sum once; that is accepted).
 */
function taxFor(
  setting: TaxSetting | undefined,
  taxableAmounts: readonly Money[],
  shippingTotal: Money,
): { perLine: Money[]; shippingTax: Money } {
  if (!setting) return { perLine: taxableAmounts.map(() => 0), shippingTax: 0 };
  if (setting.pricesIncludeTax !== false) throw new RangeError("tax-inclusive prices are not supported");
  const rate = setting.rateBasisPoints;
  if (!Number.isSafeInteger(rate) || rate < 0 || rate > 10_000) {
    throw new RangeError(`tax rate must be 0…10000 basis points, got ${rate}`);
  }
  return {
    perLine: taxableAmounts.map((amount) => percentOf(amount, rate)),
    shippingTax: setting.shippingTaxable ? percentOf(shippingTotal, rate) : 0,
  };
}

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

/** Throws (RangeError) only on programmer errors: bad prices, quantities, rates or currency. */
export function computeTotals(input: TotalsInput): Totals {
  currencyExponent(input.currency); // throws on an unknown currency code
  assertValidLines(input.lines);
  const refusals: Refusal[] = [];

  const lineTotals = input.lines.map(lineTotal);
  const merchandiseSubtotal = sum(lineTotals);

  const outcome = input.discount ? evaluateDiscount(input.discount, input.lines, input.now) : null;
  if (outcome && !outcome.applied) refusals.push(outcome.refusal);
  const applied = outcome?.applied ? outcome : null;
  const perLineDiscount = applied ? applied.perLine : lineTotals.map(() => 0);
  const discountTotal = applied ? applied.amount : 0;

  const requiresShipping = input.lines.some((line) => line.requiresShipping);
  const shipping = shippingFor(
    input.shipping,
    requiresShipping,
    merchandiseSubtotal - discountTotal,
    applied?.freeShipping ?? false,
  );
  const shippingTotal = shipping?.amount ?? 0;

  const taxableAmounts = input.lines.map((line, i) => (line.taxable ? lineTotals[i] - perLineDiscount[i] : 0));
  const tax = taxFor(input.tax, taxableAmounts, shippingTotal);
  const taxTotal = sum(tax.perLine) + tax.shippingTax;

  const grandTotal = merchandiseSubtotal - discountTotal + shippingTotal + taxTotal;
  const cards = applyGiftCards(input.giftCards ?? [], grandTotal, input.now);
  refusals.push(...cards.refusals);
  const giftCardTotal = sum(cards.applied.map((use) => use.amount));

  return {
    currency: input.currency,
    lines: input.lines.map((line, i) => ({
      id: line.id,
      lineTotal: lineTotals[i],
      discountAllocated: perLineDiscount[i],
      taxableAmount: taxableAmounts[i],
      tax: tax.perLine[i],
    })),
    merchandiseSubtotal,
    discount: applied ? { code: applied.code, kind: applied.kind, amount: applied.amount } : null,
    discountTotal,
    requiresShipping,
    shipping,
    shippingTotal,
    shippingTax: tax.shippingTax,
    taxTotal,
    giftCardApplied: cards.applied,
    giftCardTotal,
    grandTotal,
    amountDue: cards.remaining,
    refusals,
  };
}
