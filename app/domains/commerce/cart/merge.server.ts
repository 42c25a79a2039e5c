// At sign-in the anonymous cart (cookie) joins the customer's own cart, in one transaction:
//   - lines of the same variant are summed, then capped at what may be sold (sellable stock,
//     untracked = no stock cap) and at MAX_PER_LINE; a line with nothing left to sell is dropped;
//     every capped or dropped line is reported so the customer is told;
//   - the customer's discount code wins; the anonymous one is kept when the customer had none;
//   - gift cards are joined (no duplicates, at most MAX_GIFT_CARDS);
//   - the anonymous cart's open checkout gives its reserved stock back, then the cart is deleted.
// Running it again (a replayed login) finds no anonymous cart and does nothing.
import { randomUUID } from "node:crypto";
import type { Tx } from "~/infra/db.server";
import { prisma } from "~/infra/db.server";
import { releaseReservations } from "../checkout/stock.server";
import { MAX_GIFT_CARDS } from "./cart-codes.server";
import { lineTitle, MAX_PER_LINE } from "./cart-items.server";
import { ownReservations, sellableFor } from "./stock.server";

export type MergeResult = {
  merged: boolean;
  /** Lines that could not keep the summed quantity: what was wanted and what is in the cart now (0 = dropped). */
  capped: Array<{ title: string; wanted: number; quantity: number }>;
};

async function customerCartFor(tx: Tx, userId: string): Promise<string> {
  await tx.$executeRaw`
    INSERT INTO "Cart" ("id", "userId", "giftCardCodes", "createdAt", "updatedAt")
    VALUES (${randomUUID()}, ${userId}, ARRAY[]::text[], now(), now())
    ON CONFLICT ("userId") DO NOTHING`;
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Cart" WHERE "userId" = ${userId} FOR UPDATE`;
  return rows[0]!.id;
}

export async function mergeAnonymousCart(anonymousCartId: string, userId: string): Promise<MergeResult> {
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT "id" FROM "Cart" WHERE "id" = ${anonymousCartId} AND "userId" IS NULL FOR UPDATE`;
    if (locked.length === 0) return { merged: false, capped: [] };
    const customerCartId = await customerCartFor(tx, userId);

    const anonymous = await tx.cart.findUniqueOrThrow({
      where: { id: anonymousCartId },
      select: {
        discountCode: true,
        giftCardCodes: true,
        items: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { variantId: true, quantity: true } },
        checkouts: { where: { status: "open" }, select: { id: true } },
      },
    });
    // Free the anonymous checkout's stock first: it is this shopper's to buy again.
    for (const checkout of anonymous.checkouts) await releaseReservations(tx, checkout.id);

    const customer = await tx.cart.findUniqueOrThrow({
      where: { id: customerCartId },
      select: { discountCode: true, giftCardCodes: true, items: { select: { variantId: true, quantity: true } } },
    });
    const variantIds = anonymous.items.map((item) => item.variantId);
    const variants = await tx.productVariant.findMany({
      where: { id: { in: variantIds } },
      select: {
        id: true,
        title: true,
        trackInventory: true,
        stockOnHand: true,
        stockReserved: true,
        product: { select: { title: true } },
      },
    });
    const own = await ownReservations(tx, customerCartId, variantIds);
    const capped: MergeResult["capped"] = [];

    for (const item of anonymous.items) {
      const variant = variants.find((v) => v.id === item.variantId);
      if (!variant) continue;
      const existing = customer.items.find((line) => line.variantId === item.variantId)?.quantity ?? 0;
      const wanted = existing + item.quantity;
      const stock = sellableFor(variant, own.get(variant.id) ?? 0);
      const quantity = Math.min(wanted, MAX_PER_LINE, stock ?? Infinity);
      if (quantity < wanted) capped.push({ title: lineTitle(variant.product.title, variant.title), wanted, quantity });
      if (quantity <= 0) {
        if (existing > 0) await tx.cartItem.deleteMany({ where: { cartId: customerCartId, variantId: variant.id } });
        continue;
      }
      await tx.cartItem.upsert({
        where: { cartId_variantId: { cartId: customerCartId, variantId: variant.id } },
        create: { cartId: customerCartId, variantId: variant.id, quantity },
        update: { quantity },
      });
    }

    const giftCardCodes = [...new Set([...customer.giftCardCodes, ...anonymous.giftCardCodes])].slice(0, MAX_GIFT_CARDS);
    await tx.cart.update({
      where: { id: customerCartId },
      data: { discountCode: customer.discountCode ?? anonymous.discountCode, giftCardCodes },
    });
    await tx.cart.delete({ where: { id: anonymousCartId } });
    return { merged: true, capped };
  });
}
