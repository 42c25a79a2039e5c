// The anonymous cart's id in a signed cookie (`__cart`, SESSION_SECRET): HttpOnly, SameSite=Lax,
// Secure in production, 30 days. A tampered or unsigned value reads as no cart. A signed-in
// customer's cart is found by Cart.userId instead, so the cookie is cleared at login (see merge).
import { createCookie } from "@remix-run/node";
import { getEnv } from "~/infra/env.server";

export const CART_COOKIE_NAME = "__cart";
export const CART_MAX_AGE_SECONDS = 60 * 60 * 24 * 30;

const env = getEnv();

export const cartCookie = createCookie(CART_COOKIE_NAME, {
  httpOnly: true,
  sameSite: "lax",
  secure: env.NODE_ENV === "production",
  path: "/",
  secrets: [env.SESSION_SECRET],
  maxAge: CART_MAX_AGE_SECONDS,
});

/** The id in the request's signed cookie, or null (no cookie, bad signature, not a string). */
export async function readCartCookie(request: Request): Promise<string | null> {
  const header = request.headers.get("Cookie");
  if (!header?.includes(`${CART_COOKIE_NAME}=`)) return null;
  const value: unknown = await cartCookie.parse(header);
  return typeof value === "string" && value.length > 0 && value.length <= 64 ? value : null;
}

/** Set-Cookie for the anonymous cart (refreshes the 30 days on every write). */
export function cartCookieHeader(cartId: string): Promise<string> {
  return cartCookie.serialize(cartId);
}

/** Set-Cookie that removes the cookie (after the cart was merged into a customer's). */
export function clearCartCookieHeader(): Promise<string> {
  return cartCookie.serialize("", { maxAge: 0, expires: new Date(0) });
}
