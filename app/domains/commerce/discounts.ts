// Discount codes: whether one applies to a cart, and how much it takes off each line. One code per
// order (the input holds at most one). Rules, in the order they are checked, the first failing one
// being the reason given:
//   1. dates: active from startsAt (inclusive) until endsAt (exclusive: at exactly endsAt it has
//      expired, so "ends at midnight" means midnight is already too late);
//   2. limits: refused once usedCount ≥ usageLimit or usedByCustomer ≥ perCustomerLimit (the
//      counts are of orders already placed, so the limit-th use is still allowed);
//   3. restrictions: with productIds and/or categoryIds, a line is eligible when its product is
//      listed OR one of its categories is; no eligible line → not_applicable_to_cart (checked
//      before the minimum so a customer is not told to spend more on a code that can never apply);
//      free_shipping also needs an eligible line that ships;
//   4. minimum: the whole cart's merchandise subtotal before any discount must be ≥ minSubtotal
//      ("minimum order of $50.00"), exactly the minimum is enough.
// Amounts: percentage rounds half-up once on the eligible subtotal, fixed is capped at the eligible
// subtotal; either is then spread over the eligible lines in proportion to their totals with
// allocate(), so the line shares add up exactly and none exceeds its line.
import { allocate, assertMinor, percentOf, type Money } from "~/utils/money";
import { lineTotal, type CartLine } from "./cart-lines";
import type { Refusal, RefusalReason } from "./refusals";

export type DiscountKind = "percentage" | "fixed" | "free_shipping";

export type DiscountCode = {
  code: string;
  kind: DiscountKind;
  /** Basis points for percentage (1250 = 12.5 %), minor units for fixed, ignored for free_shipping. */
  value: number;
  startsAt?: Date;
  endsAt?: Date;
  minSubtotal?: Money;
  usageLimit?: number;
  usedCount: number;
  perCustomerLimit?: number;
  usedByCustomer: number;
  productIds?: string[];
  categoryIds?: string[];
};

export type AppliedDiscount = {
  applied: true;
  code: string;
  kind: DiscountKind;
  /** Taken off the merchandise (0 for free_shipping: the shipping is waived instead). */
  amount: Money;
  /** The amount's share per line, in the order of the cart's lines; 0 for ineligible lines. */
  perLine: Money[];
  freeShipping: boolean;
};

export type DiscountOutcome = AppliedDiscount | { applied: false; refusal: Refusal };

function assertCount(value: number | undefined, label: string): void {
  if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
    throw new RangeError(`discount ${label} must be a non-negative integer, got ${value}`);
  }
}

function assertValidDiscount(discount: DiscountCode): void {
  if (discount.kind === "percentage") {
    if (!Number.isInteger(discount.value) || discount.value < 0 || discount.value > 10_000) {
      throw new RangeError(`percentage discount must be 0…10000 basis points, got ${discount.value}`);
    }
  } else if (discount.kind === "fixed") {
    assertMinor(discount.value, "fixed discount value");
    if (discount.value < 0) throw new RangeError("fixed discount value must not be negative");
  }
  assertCount(discount.minSubtotal, "minSubtotal");
  assertCount(discount.usageLimit, "usageLimit");
  assertCount(discount.usedCount, "usedCount");
  assertCount(discount.perCustomerLimit, "perCustomerLimit");
  assertCount(discount.usedByCustomer, "usedByCustomer");
}

/** Whether a line counts for the code: every line when the code has no product or category list. */
export function isEligibleLine(line: CartLine, discount: DiscountCode): boolean {
  const products = discount.productIds ?? [];
  const categories = discount.categoryIds ?? [];
  if (products.length === 0 && categories.length === 0) return true;
  return products.includes(line.productId) || line.categoryIds.some((id) => categories.includes(id));
}

function refusalReason(
  discount: DiscountCode,
  lines: readonly CartLine[],
  eligible: readonly boolean[],
  merchandiseSubtotal: Money,
  now: Date,
): RefusalReason | null {
  const at = now.getTime();
  if (discount.startsAt && at < discount.startsAt.getTime()) return "not_started";
  if (discount.endsAt && at >= discount.endsAt.getTime()) return "expired";
  if (discount.usageLimit !== undefined && discount.usedCount >= discount.usageLimit) {
    return "usage_limit_reached";
  }
  if (discount.perCustomerLimit !== undefined && discount.usedByCustomer >= discount.perCustomerLimit) {
    return "customer_limit_reached";
  }
  const applicable = lines.some((line, i) => eligible[i] && (discount.kind !== "free_shipping" || line.requiresShipping));
  if (!applicable) return "not_applicable_to_cart";
  if (discount.minSubtotal !== undefined && merchandiseSubtotal < discount.minSubtotal) {
    return "minimum_not_met";
  }
  return null;
}

/** Applies or refuses the code for these (already validated) lines. */
export function evaluateDiscount(discount: DiscountCode, lines: readonly CartLine[], now: Date): DiscountOutcome {
  assertValidDiscount(discount);
  const totals = lines.map(lineTotal);
  const merchandiseSubtotal = totals.reduce((sum, total) => sum + total, 0);
  const eligible = lines.map((line) => isEligibleLine(line, discount));

  const reason = refusalReason(discount, lines, eligible, merchandiseSubtotal, now);
  if (reason) {
    const refusal: Refusal = { source: "discount", code: discount.code, reason };
    if (reason === "minimum_not_met") refusal.minimum = discount.minSubtotal;
    return { applied: false, refusal };
  }

  const weights = totals.map((total, i) => (eligible[i] ? total : 0));
  const eligibleSubtotal = weights.reduce((sum, weight) => sum + weight, 0);
  let amount = 0;
  if (discount.kind === "percentage") amount = percentOf(eligibleSubtotal, discount.value);
  if (discount.kind === "fixed") amount = Math.min(discount.value, eligibleSubtotal);
  return {
    applied: true,
    code: discount.code,
    kind: discount.kind,
    amount,
    perLine: allocate(amount, weights),
    freeShipping: discount.kind === "free_shipping",
  };
}
