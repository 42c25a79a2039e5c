// Putting an order's items back on the shelf (full refund or cancellation with "restock"): each
// tracked variant's stockOnHand goes up by the quantity, with an InventoryAdjustment row naming
// the order. Done at most once per order: a second call finds the rows and does nothing.
import type { Tx } from "~/infra/db.server";
import { refreshStockCache } from "../stock-cache.server";

const RESTOCK_REASON = { refund: "Restocked: order refunded", cancel: "Restocked: order cancelled" } as const;

/** Returns the number of units put back (0 when nothing is tracked or it was done before). */
export async function restockOrder(
  tx: Tx,
  order: { id: string; items: Array<{ variantId: string | null; quantity: number }> },
  actorId: string | null,
  cause: keyof typeof RESTOCK_REASON,
): Promise<number> {
  const done = await tx.inventoryAdjustment.count({
    where: { orderId: order.id, reason: { in: Object.values(RESTOCK_REASON) } },
  });
  if (done > 0) return 0;
  let units = 0;
  const restocked: string[] = [];
  for (const item of order.items) {
    if (!item.variantId || item.quantity <= 0) continue;
    const rows = await tx.$queryRaw<Array<{ stockOnHand: number }>>`
      UPDATE "ProductVariant" SET "stockOnHand" = "stockOnHand" + ${item.quantity}, "updatedAt" = now()
      WHERE "id" = ${item.variantId} AND "trackInventory" = true
      RETURNING "stockOnHand"`;
    if (rows.length === 0) continue;
    await tx.inventoryAdjustment.create({
      data: {
        variantId: item.variantId,
        delta: item.quantity,
        stockAfter: rows[0].stockOnHand,
        reason: RESTOCK_REASON[cause],
        actorId,
        orderId: order.id,
      },
    });
    units += item.quantity;
    restocked.push(item.variantId);
  }
  await refreshStockCache(tx, restocked, "up");
  return units;
}
