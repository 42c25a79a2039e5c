// Placing an order paid by card: the review page sends the customer to Stripe for exactly the amount
// due, the reservation holds until the payment or the sweep, the payment marks the order paid, and
// a customer who came back without paying can pay again from /checkout/pay/<number>. Also: a signed-in
// customer's checkout starts with their e-mail and last address.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as startRoute from "~/routes/_public+/checkout";
import * as reviewRoute from "~/routes/_public+/checkout_.review";
import * as payRoute from "~/routes/_public+/checkout_.pay.$number";
import * as orderRoute from "~/routes/_public+/order.$number";
import { orderAccessKey } from "~/domains/commerce/orders/order-links.server";
import { prisma } from "~/infra/db.server";
import type { FakeStripe } from "../setup/fake-stripe";
import { createOrder, createProduct, createShippingZone } from "../factories/commerce";
import { createUser } from "../factories/users";
import { resetDatabase } from "../setup/reset";
import { createCart, get, placeOrder, post, walkToReview } from "./checkout-helpers";
import { startStripe, stopStripe } from "./stripe-helpers";

let stripe: FakeStripe;
beforeAll(async () => {
  stripe = await startStripe();
});
afterAll(async () => {
  await stopStripe(stripe);
});
beforeEach(async () => {
  stripe.reset();
  await resetDatabase();
});

describe("paying by card", () => {
  it("redirects to Stripe for the amount due and keeps the stock reserved until the payment arrives", async () => {
    const product = await createProduct({ title: "Lamp", variants: [{ price: 4500, stock: 3 }] });
    const variantId = product.variants[0].id;
    await createShippingZone({ methods: [{ name: "Standard", rate: 700 }] });
    const cart = await createCart({ items: [{ variantId, quantity: 1 }] });
    await walkToReview(cart.cookie);
    const review = await get(reviewRoute.loader, "/checkout/review", { cookie: cart.cookie });
    expect(review.data.paymentMethods).toEqual(["stripe", "offline"]);

    const placed = await placeOrder({ cookie: cart.cookie }, "stripe");
    expect(placed.status).toBe(303);
    expect(placed.location).toMatch(new RegExp(`^${stripe.url}/pay/cs_test_`));
    const order = await prisma.order.findFirstOrThrow();
    expect(order).toMatchObject({ status: "pending_payment", paymentMethod: "stripe", amountDue: 5200 });
    const create = stripe.requests.find((request) => request.path === "/v1/checkout/sessions");
    expect(create?.body["line_items[0][price_data][unit_amount]"]).toBe("5200");
    expect(await prisma.productVariant.findUniqueOrThrow({ where: { id: variantId } })).toMatchObject({
      stockOnHand: 3,
      stockReserved: 1,
    });
    // No "how to pay" e-mail for a card order: the confirmation comes with the payment.
    expect(await prisma.emailMessage.count({ where: { template: "order-confirmation" } })).toBe(0);

    const sessionId = placed.location!.split("/pay/")[1];
    const { delivery } = await stripe.completeSession(sessionId);
    expect(delivery?.status).toBe(200);
    expect(await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "paid" });
    expect(await prisma.productVariant.findUniqueOrThrow({ where: { id: variantId } })).toMatchObject({
      stockOnHand: 2,
      stockReserved: 0,
    });
    expect(await prisma.emailMessage.count({ where: { template: "order-confirmation" } })).toBe(1);
  });

  it("lets a customer who cancelled on Stripe's page pay again while the reservation holds", async () => {
    const product = await createProduct({ variants: [{ price: 2000, stock: 3 }] });
    await createShippingZone();
    const cart = await createCart({ items: [{ variantId: product.variants[0].id, quantity: 1 }] });
    await walkToReview(cart.cookie);
    await placeOrder({ cookie: cart.cookie }, "stripe");
    const order = await prisma.order.findFirstOrThrow();
    const key = orderAccessKey(order.id);
    const params = { number: order.number };

    expect((await get(payRoute.loader, `/checkout/pay/${order.number}`, { params })).status).toBe(404);
    const page = await get(payRoute.loader, `/checkout/pay/${order.number}?key=${key}&cancelled=1`, { params });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ number: order.number, amountDue: 2500, cancelled: true });

    const again = await post(payRoute.action, `/checkout/pay/${order.number}?key=${key}`, { intent: "pay" }, { params });
    expect(again.status).toBe(303);
    expect(again.location).toMatch(new RegExp(`^${stripe.url}/pay/cs_test_`));
    const sessions = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, select: { stripeCheckoutSessionId: true } });
    expect(again.location).toContain(sessions.stripeCheckoutSessionId!);

    // Once the reservation ran out, the page sends the customer to the order instead.
    await prisma.checkout.update({ where: { id: order.checkoutId! }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = await get(payRoute.loader, `/checkout/pay/${order.number}?key=${key}`, { params });
    expect(late.status).toBe(302);
    expect(late.location).toBe(`/order/${order.number}?key=${encodeURIComponent(key)}`);
  });

  it("shows 'confirming your payment' on the return from Stripe until the webhook lands", async () => {
    const product = await createProduct();
    await createShippingZone();
    const cart = await createCart({ items: [{ variantId: product.variants[0].id, quantity: 1 }] });
    await walkToReview(cart.cookie);
    await placeOrder({ cookie: cart.cookie }, "stripe");
    const order = await prisma.order.findFirstOrThrow();
    const page = await get(orderRoute.loader, `/order/${order.number}?key=${orderAccessKey(order.id)}&paid=1`, {
      params: { number: order.number },
    });
    expect(page.data).toMatchObject({ confirming: true });
    expect(page.headers.get("Cache-Control")).toBe("private, no-store");
  });
});

describe("a signed-in customer", () => {
  it("starts with their e-mail and the address of their last order", async () => {
    const user = await createUser({ email: "returning@example.com", name: "Grace Hopper" });
    const product = await createProduct();
    await createOrder({ userId: user.id, items: [{ variantId: product.variants[0].id, quantity: 1 }] });
    const cart = await createCart({ items: [{ variantId: product.variants[0].id, quantity: 1 }], userId: user.id });
    const started = await post(startRoute.action, "/checkout", { intent: "start" }, { userId: user.id });
    expect(started.status).toBe(303);
    const page = await get(startRoute.loader, "/checkout", { userId: user.id });
    expect(page.data.defaults).toMatchObject({
      email: "returning@example.com",
      name: "Ada Lovelace",
      line1: "1 Main St",
      city: "Springfield",
      postalCode: "62701",
      country: "US",
    });
    expect((await prisma.checkout.findFirstOrThrow()).cartId).toBe(cart.id);
  });
});
