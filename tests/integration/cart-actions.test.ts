// The cart's add / update / remove through POST /cart: the anonymous cookie, the customer's own
// cart, every refusal with its message and the cart left as it was, and parallel adds.
import { beforeEach, describe, expect, it } from "vitest";
import { headerCartCount } from "~/domains/commerce/cart/cart.server";
import { prisma } from "~/infra/db.server";
import { createProduct } from "../factories/commerce";
import { createUser } from "../factories/users";
import { BASE } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { fieldError, Shopper, toastOf } from "./cart-helpers";

beforeEach(resetDatabase);

async function lines() {
  return prisma.cartItem.findMany({ select: { cartId: true, variantId: true, quantity: true }, orderBy: { createdAt: "asc" } });
}

describe("adding to the cart", () => {
  it("gives an anonymous shopper a signed cart cookie and keeps adding to the same cart", async () => {
    const product = await createProduct({ title: "Linen shirt", variants: [{ price: 2500, stock: 10, title: "M" }] });
    const shopper = new Shopper();
    const first = await shopper.post({ intent: "add", variantId: product.variants[0].id, quantity: "2" });
    expect(first.status).toBe(302);
    expect(first.location).toBe("/cart");
    expect((await toastOf(first))?.message).toBe("Added Linen shirt (M) to your cart.");
    const cookie = first.setCookies.find((c) => c.startsWith("__cart="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Max-Age=2592000/);

    await shopper.post({ intent: "add", variantId: product.variants[0].id, quantity: "3" });
    const rows = await lines();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.quantity).toBe(5);
    expect(await prisma.cart.count()).toBe(1);

    const view = await shopper.view();
    expect(view?.lines.map((l) => [l.title, l.variantTitle, l.quantity, l.lineTotal])).toEqual([["Linen shirt", "M", 5, 12500]]);
    expect(view?.merchandiseSubtotal).toBe(12500);
  });

  it("ignores a forged cart cookie (unsigned id) and starts a new cart", async () => {
    const product = await createProduct();
    const victim = new Shopper();
    await victim.post({ intent: "add", variantId: product.variants[0].id, quantity: "1" });
    const victimCartId = (await prisma.cart.findFirstOrThrow()).id;
    const forger = new Shopper();
    forger.cartCookie = `__cart=${encodeURIComponent(Buffer.from(JSON.stringify(victimCartId)).toString("base64"))}`;
    expect(await forger.view()).toBeNull();
    await forger.post({ intent: "add", variantId: product.variants[0].id, quantity: "4" });
    const victimLines = await prisma.cartItem.findMany({ where: { cartId: victimCartId } });
    expect(victimLines.map((l) => l.quantity)).toEqual([1]);
    expect(await prisma.cart.count()).toBe(2);
  });

  it("puts a signed-in customer's items in their own cart (no cookie) and counts them in the header", async () => {
    const user = await createUser();
    const product = await createProduct();
    const shopper = await Shopper.signedIn(user.id);
    const answer = await shopper.post({ intent: "add", variantId: product.variants[0].id, quantity: "3" });
    expect(answer.status).toBe(302);
    expect(answer.setCookies.some((c) => c.startsWith("__cart="))).toBe(false);
    const cart = await prisma.cart.findUniqueOrThrow({ where: { userId: user.id }, include: { items: true } });
    expect(cart.items.map((i) => i.quantity)).toEqual([3]);
    const request = new Request(`${BASE}/shop`, { headers: { Cookie: shopper.cookies() } });
    expect(await headerCartCount(request)).toBe(3);
    expect(await headerCartCount(new Request(`${BASE}/shop`))).toBe(0);
  });

  it("gives a signed-in customer exactly one cart when their first adds arrive at once", async () => {
    const user = await createUser();
    const product = await createProduct({ variants: [{ price: 500, trackInventory: false }] });
    const shopper = await Shopper.signedIn(user.id);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => shopper.post({ intent: "add", variantId: product.variants[0].id, quantity: "1" })),
    );
    expect(answers.map((a) => a.status)).toEqual([302, 302, 302, 302, 302, 302]);
    expect(await prisma.cart.count()).toBe(1);
    expect((await lines()).map((l) => l.quantity)).toEqual([6]);
  });

  it.each([
    ["-1", "Enter a quantity of at least 1."],
    ["0", "Enter a quantity of at least 1."],
    ["two", "Enter the quantity as a number, like 1 or 2."],
    ["1.5", "Enter a whole number, like 1 or 2."],
    ["2.0", "Enter a whole number, like 1 or 2."],
    ["", "Enter the quantity as a number, like 1 or 2."],
    ["100000000000000000000", "You can buy at most 99 of this item. You already have 2 in your cart."],
  ])("refuses quantity %j with a clear message and leaves the cart unchanged", async (quantity, message) => {
    const product = await createProduct({ variants: [{ price: 1000, trackInventory: false }] });
    const shopper = new Shopper();
    await shopper.post({ intent: "add", variantId: product.variants[0].id, quantity: "2" });
    const answer = await shopper.post({ intent: "add", variantId: product.variants[0].id, quantity });
    expect(answer.status).toBe(400);
    expect(answer.data.error).toBe(message);
    expect((await lines()).map((l) => l.quantity)).toEqual([2]);
  });

  it("refuses more than the sellable stock (on hand − reserved), counting what is already in the cart", async () => {
    const product = await createProduct({ title: "Mug", variants: [{ price: 1200, stock: 5 }] });
    await prisma.productVariant.update({ where: { id: product.variants[0].id }, data: { stockReserved: 2 } });
    const shopper = new Shopper();
    const tooMany = await shopper.post({ intent: "add", variantId: product.variants[0].id, quantity: "4" });
    expect(tooMany.status).toBe(400);
    expect(tooMany.data.error).toBe("Only 3 left in stock.");
    expect(await lines()).toEqual([]);

    await shopper.post({ intent: "add", variantId: product.variants[0].id, quantity: "2" });
    const again = await shopper.post({ intent: "add", variantId: product.variants[0].id, quantity: "2" });
    expect(again.data.error).toBe("Only 3 left in stock. You already have 2 in your cart.");
    expect((await lines()).map((l) => l.quantity)).toEqual([2]);
  });

  it("refuses an out-of-stock variant and a product that is not for sale", async () => {
    const soldOut = await createProduct({ title: "Rare print", variants: [{ price: 9000, stock: 0 }] });
    const draft = await createProduct({ title: "Secret", status: "draft" });
    const archived = await createProduct({ title: "Old hat", status: "archived" });
    const shopper = new Shopper();
    expect((await shopper.post({ intent: "add", variantId: soldOut.variants[0].id, quantity: "1" })).data.error).toBe(
      "This item is out of stock.",
    );
    expect((await shopper.post({ intent: "add", variantId: draft.variants[0].id, quantity: "1" })).data.error).toBe(
      "Secret is not for sale any more.",
    );
    expect((await shopper.post({ intent: "add", variantId: archived.variants[0].id, quantity: "1" })).data.error).toBe(
      "Old hat is not for sale any more.",
    );
    expect((await shopper.post({ intent: "add", variantId: "no-such-variant", quantity: "1" })).data.error).toBe(
      "This product is not for sale any more.",
    );
    expect(await lines()).toEqual([]);
  });

  it("accepts the shop page's token-less form only from this site's origin", async () => {
    const product = await createProduct();
    const shopper = new Shopper();
    const foreign = await shopper.post(
      { intent: "add", variantId: product.variants[0].id, quantity: "1" },
      { csrf: false, origin: "https://evil.example" },
    );
    expect(foreign.status).toBe(403);
    const none = await shopper.post(
      { intent: "add", variantId: product.variants[0].id, quantity: "1" },
      { csrf: false, origin: null },
    );
    expect(none.status).toBe(403);
    expect(await prisma.cart.count()).toBe(0);
    const own = await shopper.post({ intent: "add", variantId: product.variants[0].id, quantity: "1" }, { csrf: false });
    expect(own.status).toBe(302);
    expect((await lines()).map((l) => l.quantity)).toEqual([1]);
  });

  it("never lets parallel adds of one cart go past the stock", async () => {
    const product = await createProduct({ variants: [{ price: 500, stock: 4 }] });
    const shopper = new Shopper();
    await shopper.post({ intent: "add", variantId: product.variants[0].id, quantity: "1" });
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => shopper.post({ intent: "add", variantId: product.variants[0].id, quantity: "1" })),
    );
    expect(answers.filter((a) => a.status === 302)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 400)).toHaveLength(5);
    expect((await lines()).map((l) => l.quantity)).toEqual([4]);
  });
});

describe("changing and removing lines", () => {
  async function cartWith(quantity: number, stock = 10) {
    const product = await createProduct({ title: "Notebook", variants: [{ price: 800, stock }] });
    const shopper = new Shopper();
    await shopper.post({ intent: "add", variantId: product.variants[0].id, quantity: String(quantity) });
    const item = await prisma.cartItem.findFirstOrThrow();
    return { shopper, item, product };
  }

  it("sets a new quantity, and 0 removes the line", async () => {
    const { shopper, item } = await cartWith(2);
    const answer = await shopper.post({ intent: "update", itemId: item.id, quantity: "5" });
    expect(answer.status).toBe(302);
    expect((await toastOf(answer))?.message).toBe("Updated Notebook.");
    expect((await lines()).map((l) => l.quantity)).toEqual([5]);
    const zero = await shopper.post({ intent: "update", itemId: item.id, quantity: "0" });
    expect((await toastOf(zero))?.message).toBe("Removed Notebook from your cart.");
    expect(await lines()).toEqual([]);
  });

  it.each([
    ["-3", "The quantity cannot be negative. Use 0 to remove the item."],
    ["abc", "Enter the quantity as a number, like 1 or 2."],
    ["3.5", "Enter a whole number, like 1 or 2."],
    ["11", "Only 10 left in stock."],
    ["1e3", "Enter a whole number, like 1 or 2."],
  ])("refuses %j next to the field and keeps the line", async (quantity, message) => {
    const { shopper, item } = await cartWith(2);
    const answer = await shopper.post({ intent: "update", itemId: item.id, quantity });
    expect(answer.status).toBe(400);
    expect(answer.data.itemId).toBe(item.id);
    expect(fieldError(answer, "quantity")).toBe(message);
    expect((await lines()).map((l) => l.quantity)).toEqual([2]);
  });

  it("counts the cart's own checkout reservation as its own stock", async () => {
    const { shopper, item, product } = await cartWith(2, 2);
    // The shopper started checkout: their 2 are reserved, so nobody else can buy them.
    const checkout = await prisma.checkout.create({
      data: { cartId: item.cartId, expiresAt: new Date(Date.now() + 600_000) },
    });
    await prisma.stockReservation.create({
      data: { checkoutId: checkout.id, variantId: product.variants[0].id, quantity: 2, expiresAt: checkout.expiresAt },
    });
    await prisma.productVariant.update({ where: { id: product.variants[0].id }, data: { stockReserved: 2 } });
    const view = await shopper.view();
    expect(view?.lines[0]?.sellable).toBe(2);
    expect(view?.lines[0]?.issue).toBeNull();
    expect((await shopper.post({ intent: "update", itemId: item.id, quantity: "1" })).status).toBe(302);
    expect((await shopper.post({ intent: "update", itemId: item.id, quantity: "2" })).status).toBe(302);
    expect(fieldError(await shopper.post({ intent: "update", itemId: item.id, quantity: "3" }), "quantity")).toBe(
      "Only 2 left in stock.",
    );
  });

  it("removes a line, and a second remove of it is harmless; another cart's line cannot be touched", async () => {
    const { shopper, item } = await cartWith(1);
    const other = new Shopper();
    const stranger = await other.post({ intent: "remove", itemId: item.id });
    expect((await toastOf(stranger))?.message).toBe("Your cart is empty.");
    await other.post({ intent: "add", variantId: item.variantId, quantity: "1" });
    const notTheirs = await other.post({ intent: "update", itemId: item.id, quantity: "7" });
    expect(fieldError(notTheirs, "quantity")).toBe("This item is no longer in your cart.");
    expect((await prisma.cartItem.findUniqueOrThrow({ where: { id: item.id } })).quantity).toBe(1);

    const removed = await shopper.post({ intent: "remove", itemId: item.id });
    expect((await toastOf(removed))?.message).toBe("Removed Notebook from your cart.");
    const twice = await shopper.post({ intent: "remove", itemId: item.id });
    expect(twice.status).toBe(302);
    expect(await prisma.cartItem.count({ where: { id: item.id } })).toBe(0);
  });

  it("flags lines that can no longer be bought and blocks checkout until they are fixed", async () => {
    const { shopper, item, product } = await cartWith(4);
    await prisma.productVariant.update({ where: { id: product.variants[0].id }, data: { stockOnHand: 3 } });
    let view = await shopper.view();
    expect(view?.lines[0]?.issue).toBe("only_left");
    expect(view?.canCheckout).toBe(false);
    await shopper.post({ intent: "update", itemId: item.id, quantity: "3" });
    view = await shopper.view();
    expect(view?.canCheckout).toBe(true);
    await prisma.product.update({ where: { id: product.id }, data: { status: "archived" } });
    view = await shopper.view();
    expect(view?.lines[0]?.issue).toBe("unavailable");
    expect(view?.canCheckout).toBe(false);
  });

  it("leaves no empty cart and no cookie behind when a first add is refused", async () => {
    const product = await createProduct({ variants: [{ price: 1000, stock: 2 }] });
    const shopper = new Shopper();
    for (const quantity of ["-1", "0", "abc", "1.5", "99999999999999999999", "3"]) {
      const answer = await shopper.post({ intent: "add", variantId: product.variants[0].id, quantity });
      expect(answer.status).toBe(400);
      expect(answer.setCookies.filter((c) => c.startsWith("__cart="))).toEqual([]);
    }
    expect(await prisma.cart.count()).toBe(0);

    await shopper.post({ intent: "add", variantId: product.variants[0].id, quantity: "1" });
    const refused = await shopper.post({ intent: "add", variantId: product.variants[0].id, quantity: "5" });
    expect(refused.status).toBe(400);
    expect(await prisma.cart.count()).toBe(1);
    expect((await lines()).map((l) => l.quantity)).toEqual([1]);
  });

  it("answers 400 (not a server error) to a NUL byte in any field, changing nothing", async () => {
    const product = await createProduct({ variants: [{ price: 1000, stock: 5 }] });
    const shopper = new Shopper();
    await shopper.post({ intent: "add", variantId: product.variants[0].id, quantity: "1" });
    const attempts: Array<Record<string, string>> = [
      { intent: "add", variantId: "v\u0000", quantity: "1" },
      { intent: "update", itemId: "x\u0000", quantity: "2" },
      { intent: "remove", itemId: "x\u0000" },
      { intent: "apply-discount", code: "SAVE\u000010" },
      { intent: "apply-gift-card", code: "ABCD\u0000EFGH" },
    ];
    for (const fields of attempts) {
      expect((await shopper.post(fields)).status).toBe(400);
    }
    expect((await lines()).map((l) => l.quantity)).toEqual([1]);
  });

  it("answers an unknown intent with 400", async () => {
    const answer = await new Shopper().post({ intent: "explode" });
    expect(answer.status).toBe(400);
  });
});
