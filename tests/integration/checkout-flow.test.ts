// The checkout a customer walks through, driven through the real route actions and loaders:
// start (reservation), contact, shipping, review, place; the confirmation page and its access rules.
import { beforeEach, describe, expect, it } from "vitest";
import * as startRoute from "~/routes/_public+/checkout";
import * as shippingRoute from "~/routes/_public+/checkout_.shipping";
import * as reviewRoute from "~/routes/_public+/checkout_.review";
import * as orderRoute from "~/routes/_public+/order.$number";
import { orderAccessKey } from "~/domains/commerce/orders/order-links.server";
import { prisma } from "~/infra/db.server";
import { createDiscount, createGiftCard, createProduct, createShippingZone, createTaxRate } from "../factories/commerce";
import { createUser } from "../factories/users";
import { resetDatabase } from "../setup/reset";
import { ADDRESS, createCart, get, placeOrder, post, walkToReview } from "./checkout-helpers";

beforeEach(resetDatabase);

async function shopWithInstructions() {
  await prisma.shopSettings.create({
    data: { id: 1, offlineInstructions: "Transfer to IBAN ES00 1234 5678 9012", reservationMinutes: 15 },
  });
}

describe("checkout with an offline payment", () => {
  it("reserves at start, places the order with the review page's totals, commits the stock and e-mails the instructions", async () => {
    await shopWithInstructions();
    const shirt = await createProduct({ title: "Shirt", variants: [{ price: 2000, stock: 5 }] });
    await createShippingZone({ countries: ["US"], methods: [{ name: "Standard", rate: 500 }] });
    await createTaxRate({ country: "US", region: "IL", rateBasisPoints: 1000 });
    const variant = shirt.variants[0];
    const cart = await createCart({ items: [{ variantId: variant.id, quantity: 2 }] });

    const started = await post(startRoute.action, "/checkout", { intent: "start" }, { cookie: cart.cookie });
    expect(started.status).toBe(303);
    expect(await prisma.productVariant.findUniqueOrThrow({ where: { id: variant.id } })).toMatchObject({
      stockOnHand: 5,
      stockReserved: 2,
    });
    const checkout = await prisma.checkout.findFirstOrThrow({ include: { reservations: true } });
    expect(checkout.reservations).toEqual([expect.objectContaining({ variantId: variant.id, quantity: 2 })]);
    const minutes = (checkout.expiresAt.getTime() - checkout.createdAt.getTime()) / 60_000;
    expect(minutes).toBeCloseTo(15, 0);

    await post(startRoute.action, "/checkout", { intent: "contact", ...ADDRESS }, { cookie: cart.cookie });
    const method = await prisma.shippingMethod.findFirstOrThrow();
    await post(shippingRoute.action, "/checkout/shipping", { shippingMethodId: method.id }, { cookie: cart.cookie });

    const review = await get(reviewRoute.loader, "/checkout/review", { cookie: cart.cookie });
    expect(review.status).toBe(200);
    // 2 × $20 = $40, shipping $5, 10 % Illinois tax on the goods = $4 → $49.
    expect(review.data.totals).toMatchObject({ merchandiseSubtotal: 4000, shippingTotal: 500, taxTotal: 400, grandTotal: 4900 });
    expect(review.data.paymentMethods).toEqual(["offline"]);

    const placed = await placeOrder({ cookie: cart.cookie }, "offline");
    expect(placed.status).toBe(303);
    const order = await prisma.order.findFirstOrThrow({ include: { items: true } });
    expect(placed.location).toBe(`/order/${order.number}?key=${encodeURIComponent(orderAccessKey(order.id))}`);
    expect(order).toMatchObject({
      status: "pending_payment",
      paymentMethod: "offline",
      email: "ada@example.com",
      merchandiseSubtotal: 4000,
      shippingTotal: 500,
      taxTotal: 400,
      grandTotal: 4900,
      amountDue: 4900,
      shipCity: "Springfield",
      shipRegion: "IL",
      shippingMethodName: "Standard",
    });
    expect(order.number).toMatch(/^VS-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(order.items).toEqual([
      expect.objectContaining({
        variantId: variant.id,
        quantity: 2,
        unitPrice: 2000,
        lineTotal: 4000,
        tax: 400,
        requiresShipping: true,
      }),
    ]);
    // Offline: the stock left the shelf at placement, the reservation is gone.
    expect(await prisma.productVariant.findUniqueOrThrow({ where: { id: variant.id } })).toMatchObject({
      stockOnHand: 3,
      stockReserved: 0,
    });
    expect(await prisma.stockReservation.count()).toBe(0);
    expect(await prisma.checkout.findUniqueOrThrow({ where: { id: checkout.id } })).toMatchObject({ status: "placed" });
    expect(await prisma.cartItem.count({ where: { cartId: cart.id } })).toBe(0);

    const mail = await prisma.emailMessage.findFirstOrThrow({ where: { template: "order-confirmation" } });
    expect(mail.to).toBe("ada@example.com");
    expect(mail.subject).toContain(order.number);
    expect(mail.text).toContain("Transfer to IBAN ES00 1234 5678 9012");
    expect(mail.text).toContain("$49.00");
    expect(mail.text).toContain(`key=${orderAccessKey(order.id)}`);
    const events = await prisma.outboxEvent.findMany({ where: { name: "webhook_dispatch" } });
    expect(events.map((event) => (event.payload as { type: string }).type)).toEqual(["order.created"]);

    // The guest's signed link opens the confirmation page with the instructions.
    const page = await get(orderRoute.loader, placed.location!, { params: { number: order.number } });
    expect(page.status).toBe(200);
    expect(page.data.order).toMatchObject({
      number: order.number,
      status: "pending_payment",
      paymentInstructions: "Transfer to IBAN ES00 1234 5678 9012",
    });
  });

  it("refuses the order page without the key, with a wrong key, and to another signed-in customer", async () => {
    const product = await createProduct();
    const owner = await createUser({ email: "owner@example.com" });
    const stranger = await createUser({ email: "stranger@example.com" });
    await createShippingZone();
    const cart = await createCart({ items: [{ variantId: product.variants[0].id, quantity: 1 }], userId: owner.id });
    await walkToReview(cart.cookie, { userId: owner.id });
    const placed = await placeOrder({ userId: owner.id }, "offline");
    expect(placed.status).toBe(303);
    const order = await prisma.order.findFirstOrThrow();
    expect(order.userId).toBe(owner.id);
    const params = { number: order.number };

    expect((await get(orderRoute.loader, `/order/${order.number}`, { params })).status).toBe(404);
    const key = orderAccessKey(order.id);
    const tampered = key.slice(0, -2) + (key.endsWith("AA") ? "BB" : "AA");
    expect((await get(orderRoute.loader, `/order/${order.number}?key=${tampered}`, { params })).status).toBe(404);
    expect((await get(orderRoute.loader, `/order/${order.number}`, { params, userId: stranger.id })).status).toBe(404);
    expect((await get(orderRoute.loader, `/order/${order.number}`, { params, userId: owner.id })).status).toBe(200);
    // The key of one order does not open another.
    const other = await prisma.order.create({
      data: { ...pickOrderCopy(order), number: "VS-0000-0001", checkoutId: null },
    });
    expect((await get(orderRoute.loader, `/order/${other.number}?key=${key}`, { params: { number: other.number } })).status).toBe(
      404,
    );
  });
});

function pickOrderCopy(order: {
  email: string;
  currency: string;
  grandTotal: number;
  amountDue: number;
  merchandiseSubtotal: number;
}) {
  return {
    email: order.email,
    currency: order.currency,
    grandTotal: order.grandTotal,
    amountDue: order.amountDue,
    merchandiseSubtotal: order.merchandiseSubtotal,
    paymentMethod: "offline" as const,
  };
}

describe("starting a checkout", () => {
  it("refuses when a line cannot be reserved, names the item and what is left, and reserves nothing", async () => {
    const mug = await createProduct({ title: "Mug", variants: [{ price: 1000, stock: 10 }] });
    const lamp = await createProduct({ title: "Lamp", variants: [{ price: 5000, stock: 1 }] });
    const cart = await createCart({
      items: [
        { variantId: mug.variants[0].id, quantity: 3 },
        { variantId: lamp.variants[0].id, quantity: 2 },
      ],
    });
    const answer = await post(startRoute.action, "/checkout", { intent: "start" }, { cookie: cart.cookie });
    expect(answer).toMatchObject({ status: 302, location: "/cart" });
    expect(answer.headers.get("Set-Cookie")).toContain("__flash");
    const variants = await prisma.productVariant.findMany({ select: { stockReserved: true } });
    expect(variants.every((v) => v.stockReserved === 0)).toBe(true);
    expect(await prisma.stockReservation.count()).toBe(0);
    expect(await prisma.checkout.count()).toBe(0);
  });

  it("replaces the cart's earlier checkout and releases its reservation", async () => {
    const product = await createProduct({ variants: [{ price: 1000, stock: 4 }] });
    const variantId = product.variants[0].id;
    const cart = await createCart({ items: [{ variantId, quantity: 3 }] });
    await post(startRoute.action, "/checkout", { intent: "start" }, { cookie: cart.cookie });
    await prisma.cartItem.updateMany({ where: { cartId: cart.id }, data: { quantity: 4 } });
    await post(startRoute.action, "/checkout", { intent: "start" }, { cookie: cart.cookie });
    expect((await prisma.productVariant.findUniqueOrThrow({ where: { id: variantId } })).stockReserved).toBe(4);
    const checkouts = await prisma.checkout.findMany({ orderBy: { createdAt: "asc" } });
    expect(checkouts.map((c) => c.status)).toEqual(["expired", "open"]);
  });

  it("keeps the answers and shows errors next to the fields for a bad address", async () => {
    const product = await createProduct();
    const cart = await createCart({ items: [{ variantId: product.variants[0].id, quantity: 1 }] });
    await post(startRoute.action, "/checkout", { intent: "start" }, { cookie: cart.cookie });
    const answer = await post(
      startRoute.action,
      "/checkout",
      { intent: "contact", ...ADDRESS, email: "not-an-email", line1: "", country: "XX" },
      { cookie: cart.cookie },
    );
    expect(answer.status).toBe(400);
    const result = answer.data.result as { error: Record<string, string[]>; initialValue: Record<string, string> };
    expect(result.error.email).toEqual(["Enter a valid e-mail address, like name@example.com."]);
    expect(result.error.line1).toEqual(["Enter the street address."]);
    expect(result.error.country).toEqual(["Choose your country."]);
    expect(result.initialValue.city).toBe("Springfield");
    expect(await prisma.checkout.findFirstOrThrow()).toMatchObject({ email: null, shipLine1: null });
  });
});

describe("placing the order", () => {
  it("re-reserves an expired checkout, and refuses when the stock went to someone else meanwhile", async () => {
    const product = await createProduct({ title: "Poster", variants: [{ price: 1500, stock: 2 }] });
    const variantId = product.variants[0].id;
    await createShippingZone();
    const cart = await createCart({ items: [{ variantId, quantity: 2 }] });
    await walkToReview(cart.cookie);
    // The reservation ran out and the sweep released it; another customer then bought one.
    const checkout = await prisma.checkout.findFirstOrThrow();
    await prisma.stockReservation.deleteMany();
    await prisma.checkout.update({
      where: { id: checkout.id },
      data: { status: "expired", expiresAt: new Date(Date.now() - 1000) },
    });
    await prisma.productVariant.update({ where: { id: variantId }, data: { stockReserved: 0, stockOnHand: 1 } });

    const refused = await placeOrder({ cookie: cart.cookie }, "offline");
    expect(refused.status).toBe(409);
    expect(refused.data.formError).toBe(
      "Sorry, Poster sold out while you were checking out (1 left). Change your cart and try again.",
    );
    expect(await prisma.order.count()).toBe(0);
    expect((await prisma.productVariant.findUniqueOrThrow({ where: { id: variantId } })).stockReserved).toBe(0);

    // Back in stock: the same checkout is placed, reserving again.
    await prisma.productVariant.update({ where: { id: variantId }, data: { stockOnHand: 5 } });
    const placed = await placeOrder({ cookie: cart.cookie }, "offline");
    expect(placed.status).toBe(303);
    expect(await prisma.productVariant.findUniqueOrThrow({ where: { id: variantId } })).toMatchObject({
      stockOnHand: 3,
      stockReserved: 0,
    });
  });

  it("is paid at once when gift cards cover it, spends the card and claims the discount", async () => {
    const product = await createProduct({ variants: [{ price: 3000, stock: 3 }] });
    await createShippingZone({ methods: [{ name: "Standard", rate: 500 }] });
    await createDiscount({ code: "TENOFF", kind: "percentage", value: 1000, usageLimit: 5 });
    const card = await createGiftCard({ code: "GIFTCARD00000001", balance: 10_000 });
    const cart = await createCart({
      items: [{ variantId: product.variants[0].id, quantity: 1 }],
      discountCode: "TENOFF",
      giftCardCodes: ["GIFTCARD00000001"],
    });
    await walkToReview(cart.cookie);
    const placed = await post(reviewRoute.action, "/checkout/review", { intent: "place" }, { cookie: cart.cookie });
    expect(placed.status).toBe(303);
    const order = await prisma.order.findFirstOrThrow();
    // $30 − 10 % = $27 + $5 shipping = $32, all on the card.
    expect(order).toMatchObject({
      status: "paid",
      paymentMethod: "gift_card",
      discountTotal: 300,
      grandTotal: 3200,
      giftCardTotal: 3200,
      amountDue: 0,
    });
    expect((await prisma.giftCard.findUniqueOrThrow({ where: { id: card.id } })).balance).toBe(6800);
    expect((await prisma.discount.findUniqueOrThrow({ where: { code: "TENOFF" } })).usedCount).toBe(1);
    expect(await prisma.discountRedemption.count({ where: { orderId: order.id, customerKey: "ada@example.com" } })).toBe(1);
    expect((await prisma.productVariant.findUniqueOrThrow({ where: { id: product.variants[0].id } })).stockOnHand).toBe(2);
    const mail = await prisma.emailMessage.findFirstOrThrow({ where: { template: "order-confirmation" } });
    expect(mail.subject).toContain("payment received");
    const events = await prisma.outboxEvent.findMany({ where: { name: "webhook_dispatch" }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => (event.payload as { type: string }).type).sort()).toEqual(["order.created", "order.paid"]);
  });

  it("refuses a payment method the shop does not take, and changes nothing", async () => {
    await prisma.shopSettings.create({ data: { id: 1, offlinePayment: false } });
    const product = await createProduct();
    await createShippingZone();
    const cart = await createCart({ items: [{ variantId: product.variants[0].id, quantity: 1 }] });
    await walkToReview(cart.cookie);
    const answer = await placeOrder({ cookie: cart.cookie }, "offline");
    expect(answer.status).toBe(400);
    expect(answer.data.paymentError).toBe("Choose how you want to pay.");
    expect(await prisma.order.count()).toBe(0);
    expect(await prisma.cartItem.count()).toBe(1);
  });

  it("sends a second click on a placed checkout back to the cart instead of ordering twice", async () => {
    const product = await createProduct();
    await createShippingZone();
    const cart = await createCart({ items: [{ variantId: product.variants[0].id, quantity: 1 }] });
    await walkToReview(cart.cookie);
    const [first, second] = await Promise.all([
      placeOrder({ cookie: cart.cookie }, "offline"),
      placeOrder({ cookie: cart.cookie }, "offline"),
    ]);
    expect([first.status, second.status].sort()).toEqual([303, 303]);
    expect(await prisma.order.count()).toBe(1);
  });
});

describe("after the order", () => {
  it("sends the checkout pages back to the cart, even when earlier checkouts of the cart were replaced", async () => {
    const product = await createProduct();
    await createShippingZone();
    const cart = await createCart({ items: [{ variantId: product.variants[0].id, quantity: 1 }] });
    await post(startRoute.action, "/checkout", { intent: "start" }, { cookie: cart.cookie });
    await walkToReview(cart.cookie);
    await placeOrder({ cookie: cart.cookie }, "offline");
    expect(await prisma.checkout.count({ where: { cartId: cart.id, status: "expired" } })).toBe(1);
    for (const [loader, path] of [
      [startRoute.loader, "/checkout"],
      [shippingRoute.loader, "/checkout/shipping"],
      [reviewRoute.loader, "/checkout/review"],
    ] as const) {
      expect(await get(loader, path, { cookie: cart.cookie })).toMatchObject({ status: 302, location: "/cart" });
    }
  });
});

describe("a code taken by someone else while reviewing", () => {
  it("refuses the order with the reason and leaves the cart, the card and the reservation as they were", async () => {
    const product = await createProduct({ title: "Kettle", variants: [{ price: 4000, stock: 3 }] });
    await createShippingZone();
    await createDiscount({ code: "LASTONE", kind: "fixed", value: 500, usageLimit: 1 });
    const card = await createGiftCard({ code: "CARD00000000LAST", balance: 1000 });
    const cart = await createCart({
      items: [{ variantId: product.variants[0].id, quantity: 1 }],
      discountCode: "LASTONE",
      giftCardCodes: ["CARD00000000LAST"],
    });
    await walkToReview(cart.cookie);
    // Another customer's order took the code's last use a moment ago.
    await prisma.discount.update({ where: { code: "LASTONE" }, data: { usedCount: 1 } });

    const answer = await placeOrder({ cookie: cart.cookie }, "offline");
    expect(answer.status).toBe(409);
    expect(answer.data.formError).toBe("The discount code LASTONE can no longer be used: This code has reached its usage limit.");
    expect(await prisma.order.count()).toBe(0);
    expect((await prisma.giftCard.findUniqueOrThrow({ where: { id: card.id } })).balance).toBe(1000);
    expect(await prisma.cartItem.count({ where: { cartId: cart.id } })).toBe(1);
    expect((await prisma.productVariant.findUniqueOrThrow({ where: { id: product.variants[0].id } })).stockReserved).toBe(1);

    // The review page names the code and why.
    const review = await get(reviewRoute.loader, "/checkout/review", { cookie: cart.cookie });
    expect(review.data.refusals).toEqual([{ code: "LASTONE", message: "This code has reached its usage limit." }]);
  });
});

describe("a price changed while reviewing", () => {
  it("is never charged silently: the order is refused with the new amount and placed on the next click", async () => {
    const product = await createProduct({ title: "Teapot", variants: [{ price: 3000, stock: 3 }] });
    await createShippingZone({ methods: [{ name: "Standard", rate: 500 }] });
    const cart = await createCart({ items: [{ variantId: product.variants[0].id, quantity: 1 }] });
    await walkToReview(cart.cookie);
    const review = await get(reviewRoute.loader, "/checkout/review", { cookie: cart.cookie });
    const shown = (review.data.totals as { amountDue: number }).amountDue;
    expect(shown).toBe(3500);
    await prisma.productVariant.update({ where: { id: product.variants[0].id }, data: { price: 3300 } });

    const fields = { intent: "place", paymentMethod: "offline", expectedAmountDue: String(shown) };
    const refused = await post(reviewRoute.action, "/checkout/review", fields, { cookie: cart.cookie });
    expect(refused.status).toBe(409);
    expect(refused.data.formError).toBe(
      "The total changed while you were reviewing your order: it is now $38.00. Check the order below and place it again.",
    );
    expect(await prisma.order.count()).toBe(0);

    const placed = await post(
      reviewRoute.action,
      "/checkout/review",
      { ...fields, expectedAmountDue: "3800" },
      { cookie: cart.cookie },
    );
    expect(placed.status).toBe(303);
    expect((await prisma.order.findFirstOrThrow()).amountDue).toBe(3800);
  });
});
