// Adding, changing and removing cart lines. Every change runs in a transaction holding the cart's
// row lock, so two tabs adding at once are counted one after the other against stock and the
// per-line maximum. Whatever the shopper typed is read by parseQuantity (cart-quantity.ts); a
// refusal throws DomainError and leaves the cart exactly as it was.
//
// Refusals (DomainError code → details):
//   quantity_invalid  { reason: QuantityReason, limit?, alreadyInCart }  (text, decimals, ≤ 0, too many, over stock)
//   unavailable       { title }  the product is not for sale (draft/archived) or the variant is gone
//   not_found         the line is not in this cart
import { DomainError } from "~/domains/errors";
import type { Tx } from "~/infra/db.server";
import { prisma } from "~/infra/db.server";
import { DEFAULT_MAX_PER_LINE, parseQuantity, type QuantityMode } from "../cart-quantity";
import { ownReservations, sellableFor } from "./stock.server";

export const MAX_PER_LINE = DEFAULT_MAX_PER_LINE;

export type LineChange = { title: string; quantity: number };

async function lockCart(tx: Tx, cartId: string): Promise<void> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Cart" WHERE "id" = ${cartId} FOR UPDATE`;
  if (rows.length === 0) throw new DomainError("not_found", "The cart no longer exists.");
}

async function loadVariant(tx: Tx, variantId: string) {
  return tx.productVariant.findUnique({
    where: { id: variantId },
    select: {
      id: true,
      title: true,
      trackInventory: true,
      stockOnHand: true,
      stockReserved: true,
      product: { select: { title: true, status: true } },
    },
  });
}

export function lineTitle(productTitle: string, variantTitle: string): string {
  return variantTitle ? `${productTitle} (${variantTitle})` : productTitle;
}

async function readQuantity(
  tx: Tx,
  cartId: string,
  variant: NonNullable<Awaited<ReturnType<typeof loadVariant>>>,
  raw: FormDataEntryValue | null,
  mode: QuantityMode,
  alreadyInCart: number,
): Promise<number> {
  const own = await ownReservations(tx, cartId, [variant.id]);
  const inStock = sellableFor(variant, own.get(variant.id) ?? 0);
  const result = parseQuantity(raw, { mode, inStock, alreadyInCart: mode === "add" ? alreadyInCart : 0 });
  if (!result.ok) {
    throw new DomainError("quantity_invalid", `Quantity refused: ${result.reason}.`, {
      reason: result.reason,
      ...(result.limit === undefined ? {} : { limit: result.limit }),
      alreadyInCart,
    });
  }
  return result.quantity;
}

/** Adds `raw` units of the variant (to the line already there, if any). */
export async function addToCart(cartId: string, variantId: string, raw: FormDataEntryValue | null): Promise<LineChange> {
  return prisma.$transaction(async (tx) => {
    await lockCart(tx, cartId);
    const variant = await loadVariant(tx, variantId);
    if (!variant) throw new DomainError("unavailable", "This product is no longer available.", { title: null });
    const title = lineTitle(variant.product.title, variant.title);
    if (variant.product.status !== "active") {
      throw new DomainError("unavailable", `${title} is not for sale.`, { title });
    }
    const existing = await tx.cartItem.findUnique({
      where: { cartId_variantId: { cartId, variantId } },
      select: { quantity: true },
    });
    const already = existing?.quantity ?? 0;
    const added = await readQuantity(tx, cartId, variant, raw, "add", already);
    const line = await tx.cartItem.upsert({
      where: { cartId_variantId: { cartId, variantId } },
      create: { cartId, variantId, quantity: added },
      update: { quantity: already + added },
      select: { quantity: true },
    });
    await tx.cart.update({ where: { id: cartId }, data: { updatedAt: new Date() } });
    return { title, quantity: line.quantity };
  });
}

/** Sets a line's quantity; 0 removes it. */
export async function updateCartLine(cartId: string, itemId: string, raw: FormDataEntryValue | null): Promise<LineChange> {
  return prisma.$transaction(async (tx) => {
    await lockCart(tx, cartId);
    const item = await tx.cartItem.findFirst({
      where: { id: itemId, cartId },
      select: { id: true, variantId: true, quantity: true },
    });
    if (!item) throw new DomainError("not_found", "This item is no longer in your cart.");
    const variant = await loadVariant(tx, item.variantId);
    if (!variant) throw new DomainError("not_found", "This item is no longer in your cart.");
    const title = lineTitle(variant.product.title, variant.title);
    const quantity = await readQuantity(tx, cartId, variant, raw, "update", item.quantity);
    if (quantity === 0) {
      await tx.cartItem.delete({ where: { id: item.id } });
    } else {
      if (variant.product.status !== "active" && quantity > item.quantity) {
        throw new DomainError("unavailable", `${title} is not for sale.`, { title });
      }
      await tx.cartItem.update({ where: { id: item.id }, data: { quantity } });
    }
    await tx.cart.update({ where: { id: cartId }, data: { updatedAt: new Date() } });
    return { title, quantity };
  });
}

/** Removes a line; removing one that is already gone is not an error (a double click, another tab). */
export async function removeCartLine(cartId: string, itemId: string): Promise<LineChange | null> {
  return prisma.$transaction(async (tx) => {
    await lockCart(tx, cartId);
    const item = await tx.cartItem.findFirst({
      where: { id: itemId, cartId },
      select: { id: true, variant: { select: { title: true, product: { select: { title: true } } } } },
    });
    if (!item) return null;
    await tx.cartItem.delete({ where: { id: item.id } });
    await tx.cart.update({ where: { id: cartId }, data: { updatedAt: new Date() } });
    return { title: lineTitle(item.variant.product.title, item.variant.title), quantity: 0 };
  });
}
