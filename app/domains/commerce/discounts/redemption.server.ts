// Discount codes at the till: reading a code for the cart's totals, and claiming one use of it when
// an order is placed (or giving that use back when the order is cancelled or expires).
//
// Claiming is safe under any number of simultaneous checkouts:
//   - the total limit is one conditional UPDATE ("usedCount" < "usageLimit"), so the last use goes
//     to exactly one order and the CHECK constraint on the table is the last line of defence;
//   - the per-customer limit is a count of DiscountRedemption rows taken under a transaction-level
//     advisory lock keyed by (discount, customer), so two tabs of one customer wait for each other.
// A refused claim throws DomainError("discount_unavailable") with the RefusalReason in details, and
// the caller's transaction rolls back: no order, no use counted.
import type { Db, Tx } from "~/infra/db.server";
import { prisma } from "~/infra/db.server";
import { DomainError } from "~/domains/errors";
import type { DiscountCode } from "../discounts";
import type { RefusalReason } from "../refusals";

/** What a customer typed → the stored form: trimmed, inner spaces removed, upper-cased. */
export function normaliseDiscountCode(text: string): string {
  return text.replace(/\s+/g, "").toUpperCase();
}

type DiscountRow = {
  code: string;
  kind: DiscountCode["kind"];
  value: number;
  startsAt: Date | null;
  endsAt: Date | null;
  minSubtotal: number | null;
  usageLimit: number | null;
  usedCount: number;
  perCustomerLimit: number | null;
  productIds: string[];
  categoryIds: string[];
};

export function toDiscountCode(row: DiscountRow, usedByCustomer: number): DiscountCode {
  return {
    code: row.code,
    kind: row.kind,
    value: row.value,
    ...(row.startsAt ? { startsAt: row.startsAt } : {}),
    ...(row.endsAt ? { endsAt: row.endsAt } : {}),
    ...(row.minSubtotal === null ? {} : { minSubtotal: row.minSubtotal }),
    ...(row.usageLimit === null ? {} : { usageLimit: row.usageLimit }),
    usedCount: row.usedCount,
    ...(row.perCustomerLimit === null ? {} : { perCustomerLimit: row.perCustomerLimit }),
    usedByCustomer,
    productIds: row.productIds,
    categoryIds: row.categoryIds,
  };
}

/**
 * The code as totals need it, or `{ unknown: true }` when no active code has that spelling.
 * usedByCustomer counts the customer's placed orders with the code (0 without a customer key).
 */
export async function loadDiscount(
  code: string,
  customerKey: string | null,
  db: Db | Tx = prisma,
): Promise<DiscountCode | { unknown: true }> {
  const normalised = normaliseDiscountCode(code);
  if (!normalised) return { unknown: true };
  const row = await db.discount.findUnique({ where: { code: normalised } });
  if (!row || !row.isActive) return { unknown: true };
  const usedByCustomer = customerKey ? await db.discountRedemption.count({ where: { discountId: row.id, customerKey } }) : 0;
  return toDiscountCode(row, usedByCustomer);
}

function unavailable(code: string, reason: RefusalReason): DomainError {
  return new DomainError("discount_unavailable", `Discount code ${code} cannot be used: ${reason}.`, { reason, code });
}

/**
 * Takes one use of the code for the order, inside the order's transaction. A code switched off or
 * deleted since the cart was priced is refused as "expired" (it can no longer be used).
 */
export async function claimDiscount(
  tx: Tx,
  { code, orderId, customerKey, now }: { code: string; orderId: string; customerKey: string; now: Date },
): Promise<void> {
  const normalised = normaliseDiscountCode(code);
  const discount = await tx.discount.findUnique({
    where: { code: normalised },
    select: { id: true, isActive: true, startsAt: true, endsAt: true, perCustomerLimit: true },
  });
  if (!discount || !discount.isActive) throw unavailable(normalised, "expired");
  if (discount.startsAt && now.getTime() < discount.startsAt.getTime()) throw unavailable(normalised, "not_started");
  if (discount.endsAt && now.getTime() >= discount.endsAt.getTime()) throw unavailable(normalised, "expired");

  if (discount.perCustomerLimit !== null) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`discount:${discount.id}`}), hashtext(${customerKey}))`;
    const used = await tx.discountRedemption.count({ where: { discountId: discount.id, customerKey } });
    if (used >= discount.perCustomerLimit) throw unavailable(normalised, "customer_limit_reached");
  }

  const claimed = await tx.$executeRaw`
    UPDATE "Discount" SET "usedCount" = "usedCount" + 1, "updatedAt" = ${now}
    WHERE "id" = ${discount.id} AND "isActive" AND ("usageLimit" IS NULL OR "usedCount" < "usageLimit")`;
  if (claimed !== 1) throw unavailable(normalised, "usage_limit_reached");

  await tx.discountRedemption.create({ data: { discountId: discount.id, orderId, customerKey } });
}

/** Gives the order's use back (cancelled or expired order). Safe to call twice or without a code. */
export async function releaseDiscount(tx: Tx, orderId: string): Promise<void> {
  const released = await tx.$queryRaw<Array<{ discountId: string }>>`
    DELETE FROM "DiscountRedemption" WHERE "orderId" = ${orderId} RETURNING "discountId"`;
  for (const { discountId } of released) {
    await tx.$executeRaw`
      UPDATE "Discount" SET "usedCount" = "usedCount" - 1, "updatedAt" = now()
      WHERE "id" = ${discountId} AND "usedCount" > 0`;
  }
}
