// POST /webhooks/stripe: only Stripe's signature on the raw body gets in; each event applies once;
// paid, expired, refunded and failed payments change the order the way a customer and staff expect.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { releaseExpiredReservations } from "~/domains/commerce/checkout/expiry.server";
import { createStripeCheckoutSession } from "~/domains/commerce/payments/stripe-checkout.server";
import { stripeRefundUnexpectedPaymentJob } from "~/domains/commerce/payments/stripe.jobs.server";
import { prisma } from "~/infra/db.server";
import { getEnv } from "~/infra/env.server";
import Stripe from "stripe";
import type { FakeStripe } from "../setup/fake-stripe";
import { drainOutbox } from "../setup/outbox";
import { resetDatabase, rowCounts } from "../setup/reset";
import { pendingStripeOrder, postWebhook, startStripe, stopStripe, variantStock, WEBHOOK_SECRET } from "./stripe-helpers";

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

/** An order waiting on a Checkout Session at the fake, and that session. */
async function orderWithSession(options: Parameters<typeof pendingStripeOrder>[0] = {}) {
  const placed = await pendingStripeOrder(options);
  const { sessionId } = await createStripeCheckoutSession(placed.order, { expiresAt: placed.expiresAt });
  return { ...placed, sessionId };
}

const orderRow = (id: string) => prisma.order.findUniqueOrThrow({ where: { id } });
const auditActions = async (orderId: string) =>
  (await prisma.auditLog.findMany({ where: { entityId: orderId }, orderBy: { createdAt: "asc" } })).map((row) => row.action);

describe("signature", () => {
  it("answers 404 when the shop has no Stripe webhook secret", async () => {
    const env = getEnv();
    const secret = env.STRIPE_WEBHOOK_SECRET;
    env.STRIPE_WEBHOOK_SECRET = undefined;
    try {
      const { payload, signature } = fake.signEvent("customer.created", { id: "cus_test_1" });
      expect((await postWebhook(payload, signature)).status).toBe(404);
    } finally {
      env.STRIPE_WEBHOOK_SECRET = secret;
    }
    expect(await prisma.stripeEvent.count()).toBe(0);
  });

  it("refuses a missing, forged or tampered signature with 400 and changes nothing", async () => {
    const { order, sessionId } = await orderWithSession();
    const session = {
      ...fake.sessions.get(sessionId),
      status: "complete",
      payment_status: "paid",
      payment_intent: "pi_test_forged",
    };
    const { payload, signature } = fake.signEvent("checkout.session.completed", session);
    const forged = Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_someone_else" });
    const stale = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: WEBHOOK_SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    const before = await rowCounts();

    expect((await postWebhook(payload, null)).status).toBe(400);
    expect((await postWebhook(payload, "t=1,v1=deadbeef")).status).toBe(400);
    expect((await postWebhook(payload, forged)).status).toBe(400);
    expect((await postWebhook(payload, stale)).status).toBe(400);
    expect(
      (await postWebhook(payload.replace(`"amount_total": ${order.amountDue}`, '"amount_total": 1'), signature)).status,
    ).toBe(400);

    expect(await rowCounts()).toEqual(before);
    expect((await orderRow(order.id)).status).toBe("pending_payment");
  });
});

describe("checkout.session.completed", () => {
  it("marks the order paid once: stock sold, payment recorded, e-mail queued, event recorded", async () => {
    const { order, variant, sessionId } = await orderWithSession({ quantity: 2, stock: 5 });

    const { session, delivery } = await fake.completeSession(sessionId);

    expect(delivery?.status).toBe(200);
    const paid = await orderRow(order.id);
    expect(paid.status).toBe("paid");
    expect(paid.paidAt).not.toBeNull();
    expect(paid.stripePaymentIntentId).toBe(session.payment_intent);
    expect(await variantStock(variant.id)).toEqual({ stockOnHand: 3, stockReserved: 0 });
    const mails = await prisma.emailMessage.findMany({ where: { to: order.email } });
    expect(mails).toHaveLength(1);
    const [event] = fake.events;
    expect(await prisma.stripeEvent.findUnique({ where: { id: event.id as string } })).toMatchObject({
      type: "checkout.session.completed",
      orderId: order.id,
      processedAt: expect.any(Date),
    });
  });

  it("applies a replayed event and simultaneous duplicates only once", async () => {
    const { order, variant, sessionId } = await orderWithSession({ quantity: 2, stock: 5 });
    const session = {
      ...fake.sessions.get(sessionId),
      status: "complete",
      payment_status: "paid",
      payment_intent: "pi_test_dup",
    };
    const { payload, signature } = fake.signEvent("checkout.session.completed", session);

    const answers = await Promise.all([1, 2, 3].map(() => postWebhook(payload, signature)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.map((a) => JSON.parse(a.body).outcome).sort()).toEqual(["duplicate", "duplicate", "processed"]);
    const afterFirst = await rowCounts();
    const replay = await postWebhook(payload, signature);
    expect(JSON.parse(replay.body).outcome).toBe("duplicate");

    expect(await rowCounts()).toEqual(afterFirst);
    expect(await variantStock(variant.id)).toEqual({ stockOnHand: 3, stockReserved: 0 });
    expect((await auditActions(order.id)).filter((a) => a === "order.paid")).toHaveLength(1);
    expect(await prisma.emailMessage.count({ where: { to: order.email } })).toBe(1);
  });

  it("leaves the order waiting while a bank debit is on its way, then marks it paid when it succeeds", async () => {
    const { order, sessionId } = await orderWithSession();
    const { session } = await fake.completeSession(sessionId, { async: true });
    expect((await orderRow(order.id)).status).toBe("pending_payment");
    expect(await auditActions(order.id)).toContain("order.payment_processing");

    const delivery = await fake.sendEvent("checkout.session.async_payment_succeeded", { ...session, payment_status: "paid" });
    expect(delivery.status).toBe(200);
    expect((await orderRow(order.id)).status).toBe("paid");
  });

  it("never marks paid when Stripe's amount differs from the order's amount due", async () => {
    const { order, variant, sessionId } = await orderWithSession();
    const session = {
      ...fake.sessions.get(sessionId),
      status: "complete",
      payment_status: "paid",
      amount_total: order.amountDue - 1,
      payment_intent: "pi_test_short",
    };
    const delivery = await fake.sendEvent("checkout.session.completed", session);
    expect(delivery.status).toBe(200);
    expect((await orderRow(order.id)).status).toBe("pending_payment");
    expect(await variantStock(variant.id)).toEqual({ stockOnHand: 5, stockReserved: 2 });
    expect(await auditActions(order.id)).toContain("order.payment_mismatch");
  });

  it("refunds in full a payment that arrives after the order was cancelled", async () => {
    const { order, sessionId } = await orderWithSession();
    await prisma.order.update({ where: { id: order.id }, data: { status: "cancelled", cancelledAt: new Date() } });

    const { session } = await fake.completeSession(sessionId);
    expect((await orderRow(order.id)).status).toBe("cancelled");
    await drainOutbox();

    const refund = fake.requests.find((r) => r.method === "POST" && r.path === "/v1/refunds");
    expect(refund?.body).toMatchObject({ payment_intent: session.payment_intent, amount: String(order.amountDue) });
    expect(refund?.idempotencyKey).toBe(`unexpected-payment-${String(session.payment_intent)}`);
    expect(await auditActions(order.id)).toEqual(
      expect.arrayContaining(["order.unexpected_payment", "order.unexpected_payment_refunded"]),
    );
    await fake.settled();
    expect((await orderRow(order.id)).refundedTotal).toBe(0);

    // the job running again (a retry after a crash) refunds nothing more and notes nothing twice
    const payload = {
      orderId: order.id,
      paymentIntentId: session.payment_intent as string,
      amount: order.amountDue,
      reason: "order_cancelled" as const,
    };
    await stripeRefundUnexpectedPaymentJob.handler(payload, {
      eventId: "again",
      attempt: 2,
      maxAttempts: 8,
      signal: new AbortController().signal,
    });
    expect(fake.refunds.size).toBe(1);
    expect((await auditActions(order.id)).filter((a) => a === "order.unexpected_payment_refunded")).toHaveLength(1);
  });

  it("cancels and refunds when the reserved stock is gone by the time the payment arrives", async () => {
    const { order, variant, checkout, sessionId } = await orderWithSession({ quantity: 2, stock: 2 });
    // the reservation was released and someone else bought the units
    await prisma.stockReservation.deleteMany({ where: { checkoutId: checkout.id } });
    await prisma.productVariant.update({ where: { id: variant.id }, data: { stockReserved: 0, stockOnHand: 1 } });

    const { delivery } = await fake.completeSession(sessionId);
    expect(delivery?.status).toBe(200);
    const cancelled = await orderRow(order.id);
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.cancelReason).toBe("oversold");
    expect(await variantStock(variant.id)).toEqual({ stockOnHand: 1, stockReserved: 0 });
    await drainOutbox();
    expect(fake.requests.filter((r) => r.method === "POST" && r.path === "/v1/refunds").map((r) => r.body.amount)).toEqual([
      String(order.amountDue),
    ]);
  });
});

describe("checkout.session.expired", () => {
  it("cancels the waiting order and gives its reserved stock back", async () => {
    const { order, variant, sessionId } = await orderWithSession({ quantity: 2, stock: 5 });
    const delivery = await fake.sendEvent("checkout.session.expired", { ...fake.sessions.get(sessionId), status: "expired" });
    expect(delivery.status).toBe(200);
    const cancelled = await orderRow(order.id);
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.cancelReason).toBe("payment_expired");
    expect(await variantStock(variant.id)).toEqual({ stockOnHand: 5, stockReserved: 0 });
    expect(await prisma.stockReservation.count()).toBe(0);
  });

  it("ignores the expiry of a session a retry replaced", async () => {
    const { order, variant, sessionId } = await orderWithSession();
    await prisma.order.update({ where: { id: order.id }, data: { stripeCheckoutSessionId: "cs_test_newer" } });
    await fake.sendEvent("checkout.session.expired", { ...fake.sessions.get(sessionId), status: "expired" });
    expect((await orderRow(order.id)).status).toBe("pending_payment");
    expect(await variantStock(variant.id)).toEqual({ stockOnHand: 5, stockReserved: 2 });
  });
});

describe("charge.refunded", () => {
  it("records a refund made in the Stripe dashboard once, and skips the shop's own refunds", async () => {
    const { order, sessionId } = await orderWithSession({ price: 2000, quantity: 2, shippingTotal: 0 });
    const { session } = await fake.completeSession(sessionId);
    const paymentIntentId = session.payment_intent as string;

    const { refund, delivery } = await fake.dashboardRefund(paymentIntentId, 1500);
    expect(delivery?.status).toBe(200);
    let row = await orderRow(order.id);
    expect(row).toMatchObject({ status: "partially_refunded", refundedTotal: 1500 });
    const refunds = await prisma.refund.findMany({ where: { orderId: order.id } });
    expect(refunds).toEqual([
      expect.objectContaining({ stripeRefundId: refund.id, cardAmount: 1500, amount: 1500, status: "succeeded" }),
    ]);

    // Stripe delivers the same event again: nothing changes
    const [event] = fake.events.filter((e) => e.type === "charge.refunded");
    const replay = fake.signEvent("charge.refunded", (event.data as { object: Record<string, unknown> }).object);
    const again = await postWebhook(replay.payload, replay.signature);
    expect(JSON.parse(again.body).outcome).toBe("processed");
    expect(await prisma.refund.count({ where: { orderId: order.id } })).toBe(1);

    // the rest refunded from the dashboard: fully refunded
    await fake.dashboardRefund(paymentIntentId, 2500);
    row = await orderRow(order.id);
    expect(row).toMatchObject({ status: "refunded", refundedTotal: 4000 });
    expect(await prisma.refund.count({ where: { orderId: order.id } })).toBe(2);
  });

  it("does not count a refund of a duplicate payment against the order", async () => {
    const { order, sessionId } = await orderWithSession();
    await fake.completeSession(sessionId);
    const second = await createStripeCheckoutSession({ ...order, id: order.id }, { expiresAt: new Date() }).catch(
      (e: Error) => e,
    );
    expect(second).toBeInstanceOf(Error); // the order is paid: no second session
    const unrelated = await fake.sendEvent("charge.refunded", {
      id: "ch_test_other",
      object: "charge",
      payment_intent: "pi_test_other",
      amount_refunded: 100,
    });
    expect(JSON.parse(unrelated.body).outcome).toBe("ignored");
    expect((await orderRow(order.id)).refundedTotal).toBe(0);
  });
});

describe("payment failures and other events", () => {
  it("notes a declined card on the order, which keeps waiting for a payment", async () => {
    const { order, sessionId } = await orderWithSession();
    const delivery = await fake.sendEvent("payment_intent.payment_failed", {
      id: "pi_test_declined",
      object: "payment_intent",
      metadata: { orderId: order.id, orderNumber: order.number },
      last_payment_error: {
        code: "card_declined",
        decline_code: "insufficient_funds",
        message: "Your card has insufficient funds.",
      },
    });
    expect(delivery.status).toBe(200);
    expect((await orderRow(order.id)).status).toBe("pending_payment");
    const note = await prisma.auditLog.findFirstOrThrow({ where: { entityId: order.id, action: "order.payment_failed" } });
    expect(note.after).toMatchObject({ code: "insufficient_funds", message: "Your card has insufficient funds." });
    expect(fake.sessions.get(sessionId)?.status).toBe("open");
  });

  it("holds a bank debit's stock while it is on its way, and releases it once the debit failed", async () => {
    const { order, variant, checkout, sessionId } = await orderWithSession({ quantity: 2, stock: 5 });
    const { session } = await fake.completeSession(sessionId, { async: true });
    // Debits take days: the reservation's time runs out meanwhile, and the sweep leaves the order alone.
    await prisma.stockReservation.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    await prisma.checkout.update({ where: { id: checkout.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await releaseExpiredReservations()).toMatchObject({ ordersCancelled: 0, skipped: 1 });
    expect(await variantStock(variant.id)).toEqual({ stockOnHand: 5, stockReserved: 2 });

    const failed = await fake.sendEvent("checkout.session.async_payment_failed", { ...session, payment_status: "unpaid" });
    expect(failed.status).toBe(200);
    expect(await auditActions(order.id)).toContain("order.payment_failed");
    expect((await orderRow(order.id)).status).toBe("pending_payment");

    // The failed session can take no payment and never expires: the next sweep cancels the order.
    expect(await releaseExpiredReservations()).toMatchObject({ ordersCancelled: 1 });
    expect(await orderRow(order.id)).toMatchObject({ status: "cancelled", cancelReason: "payment_timeout" });
    expect(await variantStock(variant.id)).toEqual({ stockOnHand: 5, stockReserved: 0 });
  });

  it("records an event type it does not handle, answers 200 and changes nothing else", async () => {
    const before = await rowCounts();
    const delivery = await fake.sendEvent("customer.created", { id: "cus_test_1", object: "customer" });
    expect(delivery.status).toBe(200);
    expect(JSON.parse(delivery.body).outcome).toBe("ignored");
    expect(await rowCounts()).toEqual({ ...before, StripeEvent: before.StripeEvent + 1 });
    const [row] = await prisma.stripeEvent.findMany();
    expect(row).toMatchObject({ type: "customer.created", processedAt: null, orderId: null });
  });

  it("answers 500 and records nothing when applying fails, so Stripe's retry applies it", async () => {
    const { order, sessionId } = await orderWithSession();
    const session = { ...fake.sessions.get(sessionId), status: "complete", payment_status: "paid", payment_intent: null };
    const { payload, signature } = fake.signEvent("checkout.session.completed", session);
    const answer = await postWebhook(payload, signature);
    expect(answer.status).toBe(500);
    expect(await prisma.stripeEvent.count()).toBe(0);
    expect((await orderRow(order.id)).status).toBe("pending_payment");
  });
});
