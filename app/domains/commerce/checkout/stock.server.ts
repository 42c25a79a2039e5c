// Stock for checkouts and orders. A variant's sellable quantity is stockOnHand − stockReserved and
// every change here is ONE conditional UPDATE, so however many customers race for the last units,
// PostgreSQL lets exactly as many through as there are units (the CHECK constraints are the last
// line of defence).
//
//   reserve  checkout start: stockReserved + q  if sellable ≥ q   (StockReservation row per line)
//   release  checkout replaced/expired, order cancelled before payment: stockReserved − q
//   commit   order paid, or placed with an offline method: stockOnHand − q and stockReserved − r
//            (r = what this checkout had reserved; with r = 0 it is a conditional take), with an
//            InventoryAdjustment "Sold: order …" row per variant — those rows also mark the order's
//            stock as committed, so committing twice changes nothing.
import { DomainError } from "~/domains/errors";
import type { Tx } from "~/infra/db.server";
import { refreshStockCache } from "../stock-cache.server";

export const SOLD_REASON_PREFIX = "Sold: order";

export type ReserveLine = { variantId: string; quantity: number; title: string };

/** Thrown when a line cannot be reserved or sold: which item and how many are left. */
export function outOfStock(line: { variantId: string; title: string }, available: number): DomainError {
  return new DomainError("out_of_stock", `Only ${available} of ${line.title} left.`, {
    variantId: line.variantId,
    title: line.title,
    available,
  });
}

async function sellable(tx: Tx, variantId: string): Promise<{ tracked: boolean; available: number }> {
  const variant = await tx.productVariant.findUnique({
    where: { id: variantId },
    select: { trackInventory: true, stockOnHand: true, stockReserved: true },
  });
  if (!variant) return { tracked: true, available: 0 };
  return { tracked: variant.trackInventory, available: Math.max(0, variant.stockOnHand - variant.stockReserved) };
}

function merge(lines: readonly ReserveLine[]): ReserveLine[] {
  const byVariant = new Map<string, ReserveLine>();
  for (const line of lines) {
    const seen = byVariant.get(line.variantId);
    byVariant.set(line.variantId, seen ? { ...seen, quantity: seen.quantity + line.quantity } : { ...line });
  }
  // A fixed order (by id) so two checkouts reserving the same variants never wait on each other in a cycle.
  return [...byVariant.values()].sort((a, b) => (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0));
}

/**
 * Reserves every tracked line for the checkout until `expiresAt`. Throws `out_of_stock` (naming the
 * first line that does not fit and how many are left); the caller's transaction then rolls back, so
 * nothing stays reserved. Untracked variants are not reserved (always sellable).
 */
export async function reserveStock(
  tx: Tx,
  { checkoutId, lines, expiresAt }: { checkoutId: string; lines: readonly ReserveLine[]; expiresAt: Date },
): Promise<void> {
  const reservedVariants: string[] = [];
  for (const line of merge(lines)) {
    const taken = await tx.$executeRaw`
      UPDATE "ProductVariant" SET "stockReserved" = "stockReserved" + ${line.quantity}, "updatedAt" = now()
      WHERE "id" = ${line.variantId} AND "trackInventory" AND "stockOnHand" - "stockReserved" >= ${line.quantity}`;
    if (taken !== 1) {
      const state = await sellable(tx, line.variantId);
      if (!state.tracked) continue;
      throw outOfStock(line, state.available);
    }
    await tx.stockReservation.create({
      data: { checkoutId, variantId: line.variantId, quantity: line.quantity, expiresAt },
    });
    reservedVariants.push(line.variantId);
  }
  await refreshStockCache(tx, reservedVariants, "down");
}

/** Gives back what the checkout reserved; returns the units released (0 when already done). */
export async function releaseReservations(tx: Tx, checkoutId: string): Promise<number> {
  const released = await tx.$queryRaw<Array<{ variantId: string; quantity: number }>>`
    DELETE FROM "StockReservation" WHERE "checkoutId" = ${checkoutId} RETURNING "variantId", "quantity"`;
  let units = 0;
  for (const { variantId, quantity } of released.sort((a, b) => (a.variantId < b.variantId ? -1 : 1))) {
    await tx.$executeRaw`
      UPDATE "ProductVariant" SET "stockReserved" = GREATEST("stockReserved" - ${quantity}, 0), "updatedAt" = now()
      WHERE "id" = ${variantId}`;
    units += quantity;
  }
  await refreshStockCache(
    tx,
    released.map((row) => row.variantId),
    "up",
  );
  return units;
}

/** True once the order's stock left the shelf (its "Sold" adjustment rows exist). */
export async function isStockCommitted(tx: Tx, orderId: string): Promise<boolean> {
  const sold = await tx.inventoryAdjustment.count({
    where: { orderId, reason: { startsWith: SOLD_REASON_PREFIX } },
  });
  return sold > 0;
}

type CommitOrder = {
  id: string;
  number: string;
  checkoutId: string | null;
  items: ReadonlyArray<{ variantId: string | null; quantity: number; title: string }>;
};

/**
 * Reserved → sold for every tracked item. An item whose reservation is gone (expired and released)
 * is taken with a conditional update; when the units are no longer there it throws `out_of_stock`
 * (the caller decides: refuse the order, or `oversold` for a payment already taken).
 */
export async function commitOrderStock(tx: Tx, order: CommitOrder, actorId: string | null = null): Promise<void> {
  if (await isStockCommitted(tx, order.id)) return;
  const reservations = order.checkoutId
    ? await tx.$queryRaw<Array<{ variantId: string; quantity: number }>>`
        DELETE FROM "StockReservation" WHERE "checkoutId" = ${order.checkoutId} RETURNING "variantId", "quantity"`
    : [];
  const reserved = new Map<string, number>();
  for (const row of reservations) reserved.set(row.variantId, (reserved.get(row.variantId) ?? 0) + row.quantity);

  const lines = merge(
    order.items.flatMap((item) =>
      item.variantId ? [{ variantId: item.variantId, quantity: item.quantity, title: item.title }] : [],
    ),
  );
  const takenUnheld: string[] = [];
  for (const line of lines) {
    const held = reserved.get(line.variantId) ?? 0;
    if (held < line.quantity) takenUnheld.push(line.variantId);
    reserved.delete(line.variantId);
    const rows = await tx.$queryRaw<Array<{ stockOnHand: number }>>`
      UPDATE "ProductVariant"
      SET "stockOnHand" = "stockOnHand" - ${line.quantity},
          "stockReserved" = GREATEST("stockReserved" - ${held}, 0),
          "updatedAt" = now()
      WHERE "id" = ${line.variantId} AND "trackInventory"
        AND "stockOnHand" - ${line.quantity} >= GREATEST("stockReserved" - ${held}, 0)
      RETURNING "stockOnHand"`;
    const row = rows[0];
    if (!row) {
      const state = await sellable(tx, line.variantId);
      if (state.tracked) throw outOfStock(line, state.available + held);
      if (held > 0) reserved.set(line.variantId, held); // untracked now: just give the hold back below
      continue;
    }
    await tx.inventoryAdjustment.create({
      data: {
        variantId: line.variantId,
        delta: -line.quantity,
        stockAfter: row.stockOnHand,
        reason: `${SOLD_REASON_PREFIX} ${order.number}`,
        actorId,
        orderId: order.id,
      },
    });
  }
  for (const [variantId, quantity] of reserved) {
    await tx.$executeRaw`
      UPDATE "ProductVariant" SET "stockReserved" = GREATEST("stockReserved" - ${quantity}, 0), "updatedAt" = now()
      WHERE "id" = ${variantId}`;
  }
  // Selling what was reserved leaves the sellable count as it was; only units taken without a
  // reservation, or holds given back, change what the storefront shows.
  await refreshStockCache(tx, takenUnheld, "down");
  await refreshStockCache(tx, [...reserved.keys()], "up");
}
