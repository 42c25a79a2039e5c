// The cart's lines as checkout needs them for reserving stock: variant, quantity, a title to name
// the item when it cannot be reserved, and whether it may still be sold at all.
import type { Db, Tx } from "~/infra/db.server";
import { DomainError } from "~/domains/errors";
import type { ReserveLine } from "./stock.server";

export async function cartReserveLines(db: Db | Tx, cartId: string): Promise<ReserveLine[]> {
  const items = await db.cartItem.findMany({
    where: { cartId },
    orderBy: { createdAt: "asc" },
    select: {
      variantId: true,
      quantity: true,
      variant: { select: { title: true, product: { select: { title: true, status: true } } } },
    },
  });
  if (items.length === 0) throw new DomainError("empty_cart", "The cart is empty.");
  const lines: ReserveLine[] = [];
  for (const item of items) {
    const title = item.variant.title ? `${item.variant.product.title} (${item.variant.title})` : item.variant.product.title;
    if (item.variant.product.status !== "active") {
      throw new DomainError("unavailable", `${title} is no longer available.`, { variantId: item.variantId, title });
    }
    lines.push({ variantId: item.variantId, quantity: item.quantity, title });
  }
  return lines;
}
