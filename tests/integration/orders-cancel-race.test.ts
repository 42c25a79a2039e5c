// Cancelling a paid Stripe order while other admins act on it: the Refund row is in flight while
// Stripe answers (simulated here by a stand-in for the Stripe call that lets "another admin" act at
// that moment). Fulfilling meanwhile is refused; and if the order moved on anyway, the money that
// went back to the card is still recorded as a full refund rather than lost.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/infra/db.server";
import * as orderRoute from "~/routes/admin+/shop.orders.$orderId";
import { formRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { payloadOf, run, statusOf } from "./admin-helpers";
import { createStaff, emailsTo, paidOrder, stockedVariant } from "./orders-helpers";

const duringStripe = vi.hoisted(() => ({ act: async (): Promise<void> => {} }));

vi.mock("~/domains/commerce/payments/stripe-refunds.server", () => ({
  refundStripePayment: async (input: { idempotencyKey: string }) => {
    await duringStripe.act();
    return { id: `re_${input.idempotencyKey.replace(/[^a-z0-9]/gi, "")}`, status: "succeeded" as const };
  },
}));

type ActionPayload = { result?: { error?: Record<string, string[] | null> } };

describe("cancelling a paid Stripe order while others act", () => {
  let staff: Awaited<ReturnType<typeof createStaff>>;
  beforeEach(async () => {
    await resetDatabase();
    staff = await createStaff();
    duringStripe.act = async () => {};
  });

  async function post(orderId: string, fields: Record<string, string>, userId = staff.adminId) {
    return run(orderRoute.action, await formRequest(`/admin/shop/orders/${orderId}`, fields, { userId }), { orderId });
  }

  it("refuses to fulfil an order whose cancellation refund is still with Stripe", async () => {
    const { variantId } = await stockedVariant(10);
    const { order } = await paidOrder({ variantId, quantity: 2, paymentMethod: "stripe", stripePaymentIntentId: "pi_race_1" });
    let fulfil: unknown;
    duringStripe.act = async () => {
      fulfil = await post(order.id, { intent: "fulfil", carrier: "UPS", trackingNumber: "1Z999AA1" }, staff.commercialId);
    };
    expect(statusOf(await post(order.id, { intent: "cancel", reason: "Out of stock" }))).toBe(302);

    expect(statusOf(fulfil)).toBe(409);
    expect(payloadOf<ActionPayload>(fulfil).result?.error?.[""]).toEqual([
      "Another refund of this order is being processed. Try again in a moment.",
    ]);
    const after = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { refunds: true } });
    expect(after).toMatchObject({ status: "cancelled", refundedTotal: 4000, carrier: null });
    expect(after.refunds).toMatchObject([{ status: "succeeded", amount: 4000 }]);
    expect(await emailsTo(order.email, "order-shipped")).toHaveLength(0);
  });

  it("records the card refund in full when the order moved on before Stripe answered", async () => {
    const { variantId } = await stockedVariant(10);
    const { order } = await paidOrder({ variantId, quantity: 2, paymentMethod: "stripe", stripePaymentIntentId: "pi_race_2" });
    duringStripe.act = async () => {
      await prisma.order.update({ where: { id: order.id }, data: { status: "fulfilled", fulfilledAt: new Date() } });
    };
    const result = await post(order.id, { intent: "cancel", reason: "Customer asked" });
    expect(statusOf(result)).toBe(302);

    const after = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { refunds: true } });
    expect(after).toMatchObject({ status: "refunded", refundedTotal: 4000 });
    expect(after.refunds).toMatchObject([
      { status: "succeeded", amount: 4000, cardAmount: 4000, stripeRefundId: expect.stringMatching(/^re_/) },
    ]);
    expect(after.refunds[0].completedAt).not.toBeNull();
    expect(await emailsTo(order.email, "order-refunded")).toHaveLength(1);
  });

  it("a refund abandoned for minutes (its request died) does not block fulfilment for ever", async () => {
    const { variantId } = await stockedVariant(10);
    const { order } = await paidOrder({ variantId, quantity: 1, paymentMethod: "stripe", stripePaymentIntentId: "pi_race_3" });
    const inFlight = { orderId: order.id, amount: 500, cardAmount: 500, status: "pending" as const };
    await prisma.refund.create({ data: inFlight });
    const fresh = await post(order.id, { intent: "fulfil", carrier: "UPS", trackingNumber: "1Z999AA1" });
    expect(statusOf(fresh)).toBe(409);

    await prisma.refund.updateMany({ where: { orderId: order.id }, data: { createdAt: new Date(Date.now() - 10 * 60_000) } });
    expect(statusOf(await post(order.id, { intent: "fulfil", carrier: "UPS", trackingNumber: "1Z999AA1" }))).toBe(302);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("fulfilled");
  });
});
