// What a cart may still take of a variant: sellable stock (stockOnHand − stockReserved) plus what
// this cart's own open checkout already holds, so a customer who went to checkout and came back
// is not told their own reservation made the item "out of stock".
import type { Db, Tx } from "~/infra/db.server";

export type VariantStock = { id: string; trackInventory: boolean; stockOnHand: number; stockReserved: number };

/** Units of each variant reserved by the cart's open checkouts. */
export async function ownReservations(db: Db | Tx, cartId: string, variantIds: string[]): Promise<Map<string, number>> {
  if (variantIds.length === 0) return new Map();
  const rows = await db.stockReservation.groupBy({
    by: ["variantId"],
    where: { variantId: { in: variantIds }, checkout: { cartId, status: "open" } },
    _sum: { quantity: true },
  });
  return new Map(rows.map((row) => [row.variantId, row._sum.quantity ?? 0]));
}

/** Units the cart may hold in total (null: stock not tracked). */
export function sellableFor(variant: VariantStock, ownReserved: number): number | null {
  if (!variant.trackInventory) return null;
  return Math.max(0, variant.stockOnHand - variant.stockReserved + ownReserved);
}
