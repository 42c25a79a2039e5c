// Admin refunds of Stripe orders against the fake Stripe (the real SDK, real HTTP): the exact amount
// asked for with the Refund row's id as idempotency key, the Refund recorded once even when Stripe's
// charge.refunded webhook comes back, a refused refund recorded as failed with nothing changed, a
// paid Stripe order cancelled with its card refund, and parallel refunds asking Stripe only once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getStripe } from "~/domains/commerce/payments/stripe.server";
import { prisma } from "~/infra/db.server";
import * as orderRoute from "~/routes/admin+/shop.orders.$orderId";
import type { FakeStripe } from "../setup/fake-stripe";
import { formRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { until } from "../setup/wait";
import { payloadOf, run, statusOf } from "./admin-helpers";
import { createStaff, paidOrder, stockedVariant } from "./orders-helpers";
import { startStripe, stopStripe } from "./stripe-helpers";

type ActionPayload = { result?: { error?: Record<string, string[] | null> } };

let fake: FakeStripe;
beforeAll(async () => {
  fake = await startStripe();
});
afterAll(async () => {
  await stopStripe(fake);
});

/** A payment of `amount` at the fake Stripe: a session paid on its hosted page. */
async function stripePayment(amount: number): Promise<string> {
  const session = await getStripe()!.checkout.sessions.create({
    mode: "payment",
    success_url: "http://localhost/ok",
    line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: amount, product_data: { name: "Order" } } }],
  });
  const { session: paid } = await fake.completeSession(session.id);
  return paid.payment_intent as string;
}

/** A paid Stripe order of 2 × $20.00, the $40.00 paid by card at the fake; the variant keeps 10 in stock. */
async function cardPaidOrder() {
  const { variantId } = await stockedVariant(10);
  const paymentIntentId = await stripePayment(4000);
  const { order } = await paidOrder({ variantId, quantity: 2, paymentMethod: "stripe", stripePaymentIntentId: paymentIntentId });
  return { order, variantId, paymentIntentId };
}

describe("refunding Stripe orders", () => {
  let staff: Awaited<ReturnType<typeof createStaff>>;
  beforeEach(async () => {
    await resetDatabase();
    fake.reset();
    staff = await createStaff();
  });

  async function post(orderId: string, fields: Record<string, string>) {
    return run(orderRoute.action, await formRequest(`/admin/shop/orders/${orderId}`, fields, { userId: staff.adminId }), {
      orderId,
    });
  }

  const refundRequests = () => fake.requests.filter((r) => r.method === "POST" && r.path === "/v1/refunds");

  it("asks Stripe for exactly the card amount, keyed by the Refund id, and records it once", async () => {
    const { order, paymentIntentId } = await cardPaidOrder();

    expect(statusOf(await post(order.id, { intent: "refund", amount: "15.50", reason: "Damaged" }))).toBe(302);
    const refund = await prisma.refund.findFirstOrThrow({ where: { orderId: order.id } });
    expect(refundRequests()).toHaveLength(1);
    expect(refundRequests()[0].body).toMatchObject({ payment_intent: paymentIntentId, amount: "1550" });
    expect(refundRequests()[0].idempotencyKey).toBe(`refund-${refund.id}`);
    expect(refund).toMatchObject({ status: "succeeded", cardAmount: 1550, stripeRefundId: expect.stringMatching(/^re_/) });

    // Stripe announces the refund with charge.refunded: the webhook finds it recorded and adds nothing
    await until("charge.refunded", () => fake.events.some((event) => event.type === "charge.refunded"));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { refunds: true } });
    expect(after).toMatchObject({ status: "partially_refunded", refundedTotal: 1550 });
    expect(after.refunds).toHaveLength(1);
  });

  it("a refund Stripe refuses is kept as failed, the order unchanged, and the admin told", async () => {
    const { variantId } = await stockedVariant(10);
    const { order } = await paidOrder({
      variantId,
      quantity: 1,
      paymentMethod: "stripe",
      stripePaymentIntentId: "pi_test_unknown",
    });
    const result = await post(order.id, { intent: "refund", amount: "5.00" });
    expect(statusOf(result)).toBe(409);
    expect(payloadOf<ActionPayload>(result).result?.error?.[""]).toEqual([
      "Stripe did not accept the refund. Nothing was refunded; try again later.",
    ]);
    const after = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { refunds: true } });
    expect(after).toMatchObject({ status: "paid", refundedTotal: 0 });
    expect(after.refunds).toMatchObject([{ status: "failed", amount: 500 }]);
    expect(after.refunds[0].failureReason).toContain("No such payment_intent");
    // a failed attempt does not hold money back: the full amount can still be refunded
    expect(statusOf(await post(order.id, { intent: "refund", amount: "20.00" }))).toBe(409);
    const attempts = await prisma.refund.findMany({ where: { orderId: order.id }, orderBy: { createdAt: "asc" } });
    expect(attempts.map((r) => [r.amount, r.status])).toEqual([
      [500, "failed"],
      [2000, "failed"],
    ]);
  });

  it("parallel refunds of the same Stripe order ask Stripe once", async () => {
    const { order } = await cardPaidOrder();
    const requests = await Promise.all(
      Array.from({ length: 5 }, () =>
        formRequest(`/admin/shop/orders/${order.id}`, { intent: "refund", amount: "30.00" }, { userId: staff.adminId }),
      ),
    );
    const results = await Promise.all(requests.map((request) => run(orderRoute.action, request, { orderId: order.id })));
    expect(results.map(statusOf).filter((status) => status === 302)).toHaveLength(1);
    expect(refundRequests()).toHaveLength(1);
    expect(refundRequests()[0].body.amount).toBe("3000");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).refundedTotal).toBe(3000);
  });

  it("cancelling a paid Stripe order refunds the card in full first", async () => {
    const { order, variantId } = await cardPaidOrder();
    expect(statusOf(await post(order.id, { intent: "cancel", reason: "Out of stock at the warehouse", restock: "on" }))).toBe(
      302,
    );
    expect(refundRequests().map((r) => r.body.amount)).toEqual(["4000"]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { refunds: true } });
    expect(after).toMatchObject({ status: "cancelled", refundedTotal: 4000 });
    expect(after.refunds).toMatchObject([
      { status: "succeeded", cardAmount: 4000, stripeRefundId: expect.stringMatching(/^re_/) },
    ]);
    expect((await prisma.productVariant.findUniqueOrThrow({ where: { id: variantId } })).stockOnHand).toBe(10);
  });
});
