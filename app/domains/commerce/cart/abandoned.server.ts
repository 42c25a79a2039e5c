// Anonymous carts nobody can reach any more: the cookie lives 30 days from the last change, so an
// anonymous cart untouched for longer is deleted (its lines go with it). Customers' carts are kept,
// and so is any cart whose checkout still holds stock (the expiry job releases that first).
import { prisma } from "~/infra/db.server";
import { CART_MAX_AGE_SECONDS } from "./cart-cookie.server";

export async function purgeAbandonedCarts(now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - CART_MAX_AGE_SECONDS * 1000);
  const { count } = await prisma.cart.deleteMany({
    where: { userId: null, updatedAt: { lt: cutoff }, checkouts: { none: { status: "open" } } },
  });
  return count;
}
