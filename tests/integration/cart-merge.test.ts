// Signing in joins the anonymous cart (cookie) into the customer's cart: quantities summed and
// capped at stock and the per-line maximum, the customer told, the cookie cleared, codes kept.
import { beforeEach, describe, expect, it } from "vitest";
import { mergeAnonymousCart } from "~/domains/commerce/cart/merge.server";
import { flashStorage } from "~/infra/cookies.server";
import { prisma } from "~/infra/db.server";
import { action as loginAction } from "~/routes/_auth+/auth.login";
import { createDiscount, createGiftCard, createProduct } from "../factories/commerce";
import { createUser, TEST_PASSWORD } from "../factories/users";
import { formRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { call } from "./auth-helpers";
import { Shopper } from "./cart-helpers";

beforeEach(resetDatabase);

async function signIn(shopper: Shopper, email: string) {
  const request = await formRequest("/auth/login", { email, password: TEST_PASSWORD }, { cookie: shopper.cartCookie ?? "" });
  return call(loginAction as never, request, { clientIp: "198.51.100.31" });
}

async function toastIn(cookies: string[]) {
  const flash = cookies.find((c) => c.startsWith("__flash="));
  if (!flash) return null;
  return ((await flashStorage.getSession(flash.split(";")[0])).get("toast") as { kind: string; message: string }) ?? null;
}

describe("cart merge at sign-in", () => {
  it("moves the anonymous cart into the customer's, sums quantities, caps at stock, says so and clears the cookie", async () => {
    const user = await createUser({ email: "ada@example.com", name: "Ada" });
    const mug = await createProduct({ title: "Mug", variants: [{ price: 1200, stock: 4 }] });
    const poster = await createProduct({ title: "Poster", variants: [{ price: 900, stock: 10 }] });
    // The customer's own cart from an earlier visit: 3 mugs.
    await prisma.cart.create({ data: { userId: user.id, items: { create: [{ variantId: mug.variants[0].id, quantity: 3 }] } } });

    const shopper = new Shopper();
    await shopper.post({ intent: "add", variantId: mug.variants[0].id, quantity: "2" });
    await shopper.post({ intent: "add", variantId: poster.variants[0].id, quantity: "1" });
    const anonymousId = (await prisma.cart.findFirstOrThrow({ where: { userId: null } })).id;

    const out = await signIn(shopper, "ada@example.com");
    expect(out.status).toBe(302);
    const cleared = out.cookies.find((c) => c.startsWith("__cart="));
    expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect((await toastIn(out.cookies))?.message).toBe(
      "We added the items from before you signed in to your cart, but some quantities had to be lowered. Mug: 4 (all we can sell).",
    );

    const cart = await prisma.cart.findUniqueOrThrow({
      where: { userId: user.id },
      include: { items: { include: { variant: true } } },
    });
    expect(Object.fromEntries(cart.items.map((i) => [i.variant.sku, i.quantity]))).toEqual({
      [mug.variants[0].sku]: 4,
      [poster.variants[0].sku]: 1,
    });
    expect(await prisma.cart.count({ where: { id: anonymousId } })).toBe(0);
  });

  it("keeps the welcome when nothing was capped, and creates the customer's cart when they had none", async () => {
    const user = await createUser({ email: "bo@example.com", name: "Bo" });
    const product = await createProduct({ variants: [{ price: 500, stock: 9 }] });
    const shopper = new Shopper();
    await shopper.post({ intent: "add", variantId: product.variants[0].id, quantity: "2" });
    const out = await signIn(shopper, "bo@example.com");
    expect((await toastIn(out.cookies))?.kind).toBe("success");
    const cart = await prisma.cart.findUniqueOrThrow({ where: { userId: user.id }, include: { items: true } });
    expect(cart.items.map((i) => i.quantity)).toEqual([2]);
  });

  it("drops a sold-out line, caps at the per-line maximum, joins codes, and releases the anonymous checkout's stock", async () => {
    const user = await createUser();
    const gone = await createProduct({ title: "Gone", variants: [{ price: 100, stock: 1 }] });
    const endless = await createProduct({ title: "Sticker", variants: [{ price: 100, trackInventory: false }] });
    await createDiscount({ code: "ANON" });
    await createGiftCard({ code: "AAAABBBBCCCCDDDD" });
    await createGiftCard({ code: "EEEEFFFFGGGGHHHH" });
    await prisma.cart.create({
      data: {
        userId: user.id,
        giftCardCodes: ["EEEEFFFFGGGGHHHH"],
        items: { create: [{ variantId: endless.variants[0].id, quantity: 60 }] },
      },
    });
    const anonymous = await prisma.cart.create({
      data: {
        discountCode: "ANON",
        giftCardCodes: ["AAAABBBBCCCCDDDD", "EEEEFFFFGGGGHHHH"],
        items: {
          create: [
            { variantId: gone.variants[0].id, quantity: 1 },
            { variantId: endless.variants[0].id, quantity: 50 },
          ],
        },
      },
    });
    // The anonymous checkout holds the last "Gone"; then someone else's order takes the stock.
    const checkout = await prisma.checkout.create({ data: { cartId: anonymous.id, expiresAt: new Date(Date.now() + 600_000) } });
    await prisma.stockReservation.create({
      data: { checkoutId: checkout.id, variantId: gone.variants[0].id, quantity: 1, expiresAt: checkout.expiresAt },
    });
    await prisma.productVariant.update({ where: { id: gone.variants[0].id }, data: { stockReserved: 1 } });

    const result = await mergeAnonymousCart(anonymous.id, user.id);
    expect(result.merged).toBe(true);
    expect(result.capped).toEqual([{ title: "Sticker", wanted: 110, quantity: 99 }]);
    // The reservation went back: "Gone" can be bought again, by this customer.
    expect((await prisma.productVariant.findUniqueOrThrow({ where: { id: gone.variants[0].id } })).stockReserved).toBe(0);
    const cart = await prisma.cart.findUniqueOrThrow({ where: { userId: user.id }, include: { items: true } });
    expect(cart.discountCode).toBe("ANON");
    expect(cart.giftCardCodes).toEqual(["EEEEFFFFGGGGHHHH", "AAAABBBBCCCCDDDD"]);
    expect(Object.fromEntries(cart.items.map((i) => [i.variantId, i.quantity]))).toEqual({
      [gone.variants[0].id]: 1,
      [endless.variants[0].id]: 99,
    });
    expect(await prisma.checkout.count()).toBe(0);

    // A second run (replayed login) finds nothing to merge.
    expect(await mergeAnonymousCart(anonymous.id, user.id)).toEqual({ merged: false, capped: [] });
  });

  it("reports a line dropped because nothing is left", async () => {
    const user = await createUser();
    const product = await createProduct({ title: "Last lamp", variants: [{ price: 100, stock: 0 }] });
    const anonymous = await prisma.cart.create({
      data: { items: { create: [{ variantId: product.variants[0].id, quantity: 1 }] } },
    });
    const result = await mergeAnonymousCart(anonymous.id, user.id);
    expect(result.capped).toEqual([{ title: "Last lamp", wanted: 1, quantity: 0 }]);
    expect(await prisma.cartItem.count()).toBe(0);
  });

  it("never merges a customer's cart into another customer's (the cookie only reaches anonymous carts)", async () => {
    const alice = await createUser();
    const bob = await createUser();
    const product = await createProduct();
    const aliceCart = await prisma.cart.create({
      data: { userId: alice.id, items: { create: [{ variantId: product.variants[0].id, quantity: 1 }] } },
    });
    expect(await mergeAnonymousCart(aliceCart.id, bob.id)).toEqual({ merged: false, capped: [] });
    expect(await prisma.cart.count({ where: { id: aliceCart.id } })).toBe(1);
  });
});
