// Which cart a request is shopping with: a signed-in customer's own cart (Cart.userId, one each),
// else the anonymous cart whose id is in the signed `__cart` cookie. Reading never creates a cart;
// `ensureCart` does, on the first add, and says which cookie to set.
import { getOptionalUser } from "~/domains/identity/guards.server";
import { Prisma } from "~/generated/prisma/client";
import type { Db, Tx } from "~/infra/db.server";
import { prisma } from "~/infra/db.server";
import { cartCookieHeader, readCartCookie } from "./cart-cookie.server";

export { cartCookie } from "./cart-cookie.server";

/** The customer's cart id (signed in) or the cookie's anonymous cart id when that cart still exists. */
export async function readCartId(request: Request): Promise<string | null> {
  const user = await getOptionalUser(request);
  if (user) return customerCartId(user.id);
  return anonymousCartId(request);
}

export async function customerCartId(userId: string, db: Db | Tx = prisma): Promise<string | null> {
  const cart = await db.cart.findUnique({ where: { userId }, select: { id: true } });
  return cart?.id ?? null;
}

/** The cookie's cart, only when it exists and belongs to nobody (a customer's cart is never reached by cookie). */
export async function anonymousCartId(request: Request, db: Db | Tx = prisma): Promise<string | null> {
  const id = await readCartCookie(request);
  if (!id) return null;
  const cart = await db.cart.findUnique({ where: { id }, select: { id: true, userId: true } });
  return cart && cart.userId === null ? cart.id : null;
}

/** The customer's cart, created when missing (two requests at once end with the same one). */
export async function ensureCustomerCart(userId: string): Promise<string> {
  try {
    const cart = await prisma.cart.upsert({ where: { userId }, create: { userId }, update: {}, select: { id: true } });
    return cart.id;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const existing = await customerCartId(userId);
      if (existing) return existing;
    }
    throw error;
  }
}

/**
 * The cart to write to, created when the shopper has none yet. `setCookie` is the header to send
 * for an anonymous cart (new or existing: it refreshes the cookie's 30 days), null for a customer.
 */
export async function ensureCart(request: Request): Promise<{ cartId: string; setCookie: string | null; created: boolean }> {
  const user = await getOptionalUser(request);
  if (user) return { cartId: await ensureCustomerCart(user.id), setCookie: null, created: false };
  const existing = await anonymousCartId(request);
  const cartId = existing ?? (await prisma.cart.create({ data: {}, select: { id: true } })).id;
  return { cartId, setCookie: await cartCookieHeader(cartId), created: existing === null };
}

/**
 * Deletes an anonymous cart made for an add that was refused (its cookie was never sent, so nothing
 * else can have reached it; the conditions are only a safety net).
 */
export async function discardEmptyCart(cartId: string): Promise<void> {
  await prisma.cart.deleteMany({ where: { id: cartId, userId: null, discountCode: null, items: { none: {} } } });
}

/** Units in the cart (the header's count). */
export async function cartItemCount(cartId: string): Promise<number> {
  const result = await prisma.cartItem.aggregate({ where: { cartId }, _sum: { quantity: true } });
  return result._sum.quantity ?? 0;
}

/**
 * The count for the public header. A request without a session or cart cookie has no cart, so it
 * costs no query (and anonymous shop pages stay identical for every visitor).
 */
export async function headerCartCount(request: Request): Promise<number> {
  const cookies = request.headers.get("Cookie") ?? "";
  if (!/(?:^|;)\s*(__session|__cart)=/.test(cookies)) return 0;
  const cartId = await readCartId(request);
  return cartId ? cartItemCount(cartId) : 0;
}
