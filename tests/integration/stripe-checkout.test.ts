// Asking Stripe for money: the Checkout Session carries exactly the order's amount due, the links back
// and the metadata the webhook needs; retries reuse or replace it; expiring and refunding behave.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createStripeCheckoutSession, expireStripeSession } from "~/domains/commerce/payments/stripe-checkout.server";
import { refundStripePayment } from "~/domains/commerce/payments/stripe-refunds.server";
import { stripeRedirectOrigins } from "~/domains/commerce/payments/stripe.server";
import { verifyOrderAccessKey } from "~/domains/commerce/orders/order-links.server";
import { prisma } from "~/infra/db.server";
import type { FakeStripe } from "../setup/fake-stripe";
import { resetDatabase } from "../setup/reset";
import { pendingStripeOrder, startStripe, stopStripe } from "./stripe-helpers";

let fake: FakeStripe;
beforeAll(async () => {
  fake = await startStripe();
});
afterAll(() => stopStripe(fake));
beforeEach(async () => {
  await fake.settled();
  await resetDatabase();
  fake.reset();
});

const sessionCreates = () => fake.requests.filter((r) => r.method === "POST" && r.path === "/v1/checkout/sessions");

describe("createStripeCheckoutSession", () => {
  it("asks for exactly the order's amount due, in one line listing the items, and stores the session", async () => {
    // 2 × $23.50 + $5.00 shipping + $4.20 tax − $10.00 gift card = $46.20 due
    const { order, expiresAt } = await pendingStripeOrder({
      price: 2350,
      quantity: 2,
      shippingTotal: 500,
      taxTotal: 420,
      giftCardTotal: 1000,
    });
    expect(order.amountDue).toBe(4620);
    const before = Date.now();

    const session = await createStripeCheckoutSession(order, { expiresAt });

    const [request] = sessionCreates();
    expect(sessionCreates()).toHaveLength(1);
    const body = request.body;
    expect(body["line_items[0][price_data][unit_amount]"]).toBe("4620");
    expect(body["line_items[0][quantity]"]).toBe("1");
    expect(body["line_items[1][price_data][unit_amount]"]).toBeUndefined();
    expect(body["line_items[0][price_data][currency]"]).toBe("usd");
    expect(body["line_items[0][price_data][product_data][name]"]).toBe(`Order ${order.number}`);
    expect(body["line_items[0][price_data][product_data][description]"]).toBe("2 × Linen shirt (M / Blue)");
    expect(body).toMatchObject({
      mode: "payment",
      customer_email: order.email,
      client_reference_id: order.id,
      "metadata[orderId]": order.id,
      "metadata[orderNumber]": order.number,
      "payment_intent_data[metadata][orderId]": order.id,
      locale: "en",
    });
    const success = new URL(body.success_url);
    expect(success.pathname).toBe(`/order/${order.number}`);
    expect(success.searchParams.get("paid")).toBe("1");
    expect(verifyOrderAccessKey(order.id, success.searchParams.get("key"))).toBe(true);
    const cancel = new URL(body.cancel_url);
    expect(cancel.pathname).toBe(`/checkout/pay/${order.number}`);
    expect(cancel.searchParams.get("cancelled")).toBe("1");
    // the reservation ends in 15 minutes, but Stripe takes no session shorter than 30
    const expires = Number(body.expires_at) * 1000;
    expect(expires).toBeGreaterThanOrEqual(before + 30 * 60_000);
    expect(expires).toBeLessThan(before + 33 * 60_000);
    expect(request.idempotencyKey).toMatch(new RegExp(`^checkout-${order.id}-first-\\d+$`));

    expect(session.url).toBe(`${fake.url}/pay/${session.sessionId}`);
    expect(fake.sessions.get(session.sessionId)?.amount_total).toBe(4620);
    const stored = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(stored.stripeCheckoutSessionId).toBe(session.sessionId);
  });

  it("sends a retry back to the order's open session instead of opening a second way to pay", async () => {
    const { order, expiresAt } = await pendingStripeOrder();
    const first = await createStripeCheckoutSession(order, { expiresAt });
    expect(await createStripeCheckoutSession(order, { expiresAt })).toEqual(first);
    expect(sessionCreates()).toHaveLength(1);
    expect(fake.requests.filter((r) => r.method === "GET").map((r) => r.path)).toEqual([
      `/v1/checkout/sessions/${first.sessionId}`,
    ]);
  });

  it("keeps the session open as long as a reservation longer than Stripe's minimum", async () => {
    const { order, expiresAt } = await pendingStripeOrder({ reservedFor: 90 * 60_000 });
    await createStripeCheckoutSession(order, { expiresAt });
    expect(Number(sessionCreates()[0].body.expires_at)).toBe(Math.ceil(expiresAt.getTime() / 1000));
  });

  it("sends the Spanish line name to a Spanish-speaking customer", async () => {
    const { order, expiresAt } = await pendingStripeOrder();
    await createStripeCheckoutSession({ ...order, locale: "es" }, { expiresAt });
    expect(sessionCreates()[0].body).toMatchObject({
      locale: "es",
      "line_items[0][price_data][product_data][name]": `Pedido ${order.number}`,
    });
  });

  it("refuses an order with nothing to pay by card without calling Stripe", async () => {
    const { order, expiresAt } = await pendingStripeOrder({ price: 1000, quantity: 1, shippingTotal: 0, giftCardTotal: 1000 });
    await expect(createStripeCheckoutSession(order, { expiresAt })).rejects.toMatchObject({ code: "nothing_to_pay" });
    expect(fake.requests).toHaveLength(0);
  });

  it("expires the new session at once when the order stopped waiting meanwhile", async () => {
    const { order, expiresAt } = await pendingStripeOrder();
    await prisma.order.update({ where: { id: order.id }, data: { status: "cancelled" } });
    await expect(createStripeCheckoutSession(order, { expiresAt })).rejects.toMatchObject({ code: "order_not_payable" });
    const [session] = [...fake.sessions.values()];
    expect(session.status).toBe("expired");
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).stripeCheckoutSessionId).toBeNull();
  });
});

describe("expireStripeSession", () => {
  it("expires an open session and says what it found otherwise", async () => {
    const { order, expiresAt } = await pendingStripeOrder();
    const first = await createStripeCheckoutSession(order, { expiresAt });
    expect(await expireStripeSession(first.sessionId)).toBe("expired");
    expect(fake.sessions.get(first.sessionId)?.status).toBe("expired");
    expect(await expireStripeSession(first.sessionId)).toBe("already_expired");
    expect(await expireStripeSession("cs_test_unknown")).toBe("not_found");

    // Stripe announced the expiry and the webhook cancelled that order: pay another one
    await fake.settled();
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("cancelled");
    const other = await pendingStripeOrder();
    const second = await createStripeCheckoutSession(other.order, { expiresAt: other.expiresAt });
    await fake.completeSession(second.sessionId);
    expect(await expireStripeSession(second.sessionId)).toBe("already_complete");
  });
});

describe("paying again", () => {
  it("opens a new session once the order's session expired, keyed by the one it replaces", async () => {
    const { order, expiresAt } = await pendingStripeOrder();
    const first = await createStripeCheckoutSession(order, { expiresAt });
    // the session ran out at Stripe (its checkout.session.expired not delivered yet)
    fake.sessions.get(first.sessionId)!.status = "expired";

    const second = await createStripeCheckoutSession(order, { expiresAt });

    expect(second.sessionId).not.toBe(first.sessionId);
    const creates = sessionCreates();
    expect(creates).toHaveLength(2);
    expect(creates[1].idempotencyKey).toContain(`-${first.sessionId}-`);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).stripeCheckoutSessionId).toBe(second.sessionId);
  });

  it("says the payment is being confirmed when the session was paid but the webhook has not arrived", async () => {
    const { order, expiresAt } = await pendingStripeOrder();
    const session = await createStripeCheckoutSession(order, { expiresAt });
    fake.sessions.get(session.sessionId)!.status = "complete";
    await expect(createStripeCheckoutSession(order, { expiresAt })).rejects.toMatchObject({
      code: "order_not_payable",
      details: { reason: "processing" },
    });
    expect(sessionCreates()).toHaveLength(1);
  });
});

describe("stripeRedirectOrigins", () => {
  it("lets the pay form be redirected to Stripe Checkout, or to the fake in tests, and nowhere without Stripe", () => {
    expect(stripeRedirectOrigins({ STRIPE_SECRET_KEY: "sk_live_x", STRIPE_API_BASE: "https://api.stripe.com" })).toEqual([
      "https://checkout.stripe.com",
    ]);
    expect(stripeRedirectOrigins({ STRIPE_SECRET_KEY: "sk_test_x", STRIPE_API_BASE: "http://127.0.0.1:4242/" })).toEqual([
      "http://127.0.0.1:4242",
    ]);
    expect(stripeRedirectOrigins({ STRIPE_SECRET_KEY: undefined, STRIPE_API_BASE: "https://api.stripe.com" })).toEqual([]);
  });
});

describe("refundStripePayment", () => {
  it("refunds the exact amount once per idempotency key", async () => {
    const { order, expiresAt } = await pendingStripeOrder();
    const session = await createStripeCheckoutSession(order, { expiresAt });
    const paid = await fake.completeSession(session.sessionId);
    const paymentIntentId = paid.session.payment_intent as string;

    const input = { paymentIntentId, amount: 1234, idempotencyKey: "refund-r1", metadata: { orderId: order.id } };
    const first = await refundStripePayment(input);
    const again = await refundStripePayment(input);
    expect(first.status).toBe("succeeded");
    expect(again.id).toBe(first.id);
    expect(fake.refunds.size).toBe(1);
    const request = fake.requests.find((r) => r.path === "/v1/refunds")!;
    expect(request.body).toMatchObject({
      payment_intent: paymentIntentId,
      amount: "1234",
      "metadata[orderId]": order.id,
      "metadata[source]": "verso",
    });
    expect(request.idempotencyKey).toBe("refund-r1");

    await expect(refundStripePayment({ ...input, amount: order.amountDue, idempotencyKey: "refund-r2" })).rejects.toMatchObject({
      code: "amount_too_large",
    });
    await expect(refundStripePayment({ ...input, amount: 0, idempotencyKey: "refund-r3" })).rejects.toMatchObject({
      code: "invalid_refund",
    });
  });
});
