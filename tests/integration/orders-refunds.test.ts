// Refunds and cancellations from /admin/shop/orders/:orderId against the real database: partial and
// full refunds of offline orders, the gift-card part credited back (card first), restock, the
// e-mail, webhook event and audit row, refusals that change nothing, cancelling a paid order, and
// two admins refunding at the same time never returning more than was paid.
import { beforeEach, describe, expect, it } from "vitest";
import { applyRefund } from "~/domains/commerce/orders/refunds.server";
import { prisma } from "~/infra/db.server";
import * as orderRoute from "~/routes/admin+/shop.orders.$orderId";
import { formRequest, getRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { payloadOf, run, statusOf } from "./admin-helpers";
import { auditActions, createStaff, emailsTo, paidOrder, stockedVariant, webhookEventTypes } from "./orders-helpers";

type ActionPayload = { intent: string; result?: { error?: Record<string, string[] | null> }; message?: string };

describe("admin order refunds", () => {
  let staff: Awaited<ReturnType<typeof createStaff>>;
  beforeEach(async () => {
    await resetDatabase();
    staff = await createStaff();
  });

  async function post(orderId: string, fields: Record<string, string>, actor = staff.adminId) {
    return run(orderRoute.action, await formRequest(`/admin/shop/orders/${orderId}`, fields, { userId: actor }), { orderId });
  }

  it("refunds part of an offline order: Refund row, status, e-mail, webhook event and audit", async () => {
    const { variantId } = await stockedVariant(10);
    const { order } = await paidOrder({ variantId, quantity: 2 });
    const result = await post(order.id, { intent: "refund", amount: "15.50", reason: "Scratched box" });
    expect(statusOf(result)).toBe(302);

    const after = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { refunds: true } });
    expect(after.status).toBe("partially_refunded");
    expect(after.refundedTotal).toBe(1550);
    expect(after.refunds).toMatchObject([
      { amount: 1550, cardAmount: 1550, giftCardAmount: 0, status: "succeeded", reason: "Scratched box" },
    ]);
    expect(after.refunds[0].createdById).toBe(staff.adminId);
    const mails = await emailsTo(order.email, "order-refunded");
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain("$15.50");
    expect(await webhookEventTypes()).toEqual(["order.refunded"]);
    expect(await auditActions(order.id)).toEqual(["order.refund"]);
    // no restock on a partial refund
    expect((await prisma.productVariant.findUniqueOrThrow({ where: { id: variantId } })).stockOnHand).toBe(8);
  });

  it("refunds the rest in full with restock: status refunded, stock back once, adjustment rows", async () => {
    const { variantId } = await stockedVariant(10);
    const { order } = await paidOrder({ variantId, quantity: 2 });
    expect(statusOf(await post(order.id, { intent: "refund", amount: "10" }))).toBe(302);
    expect(statusOf(await post(order.id, { intent: "refund", amount: "30.00", restock: "on" }))).toBe(302);

    const after = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(after).toMatchObject({ status: "refunded", refundedTotal: 4000 });
    expect((await prisma.productVariant.findUniqueOrThrow({ where: { id: variantId } })).stockOnHand).toBe(10);
    const adjustments = await prisma.inventoryAdjustment.findMany({ where: { orderId: order.id, delta: { gt: 0 } } });
    expect(adjustments).toMatchObject([{ delta: 2, stockAfter: 10, reason: "Restocked: order refunded" }]);
    const mails = await emailsTo(order.email, "order-refunded");
    expect(mails.at(-1)?.text).toContain("refunded in full");
  });

  it("returns the card part first, then credits the gift card", async () => {
    const { variantId } = await stockedVariant(10);
    // $40.00 order: $15.00 by gift card, $25.00 offline
    const { order, giftCardId } = await paidOrder({ variantId, quantity: 2, giftCard: 1500 });
    expect(statusOf(await post(order.id, { intent: "refund", amount: "30.00" }))).toBe(302);

    const refund = await prisma.refund.findFirstOrThrow({ where: { orderId: order.id } });
    expect(refund).toMatchObject({ amount: 3000, cardAmount: 2500, giftCardAmount: 500 });
    const card = await prisma.giftCard.findUniqueOrThrow({ where: { id: giftCardId! }, include: { entries: true } });
    expect(card.balance).toBe(1500);
    expect(card.entries.find((entry) => entry.kind === "refund")).toMatchObject({ amount: 500, balanceAfter: 1500 });

    expect(statusOf(await post(order.id, { intent: "refund", amount: "10.00" }))).toBe(302);
    const after = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(after).toMatchObject({ status: "refunded", refundedTotal: 4000 });
    expect((await prisma.giftCard.findUniqueOrThrow({ where: { id: giftCardId! } })).balance).toBe(2500);
  });

  it("refuses bad amounts next to the field and changes nothing", async () => {
    const { variantId } = await stockedVariant(10);
    const { order } = await paidOrder({ variantId, quantity: 1 });
    for (const [amount, message] of [
      ["", "Enter the amount to refund."],
      ["abc", "Enter an amount like 12.50."],
      ["-3", "Enter an amount like 12.50."],
      ["1.234", "Enter an amount like 12.50."],
      ["0", "Enter an amount greater than zero."],
      ["20.01", "That is more than can still be refunded."],
    ]) {
      const result = await post(order.id, { intent: "refund", amount });
      expect(statusOf(result)).toBe(400);
      expect(payloadOf<ActionPayload>(result).result?.error?.amount).toEqual([message]);
    }
    const after = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { refunds: true } });
    expect(after).toMatchObject({ status: "paid", refundedTotal: 0, refunds: [] });
    expect(await webhookEventTypes()).toEqual([]);
  });

  it("refuses a refund of an unpaid or cancelled order", async () => {
    const { variantId } = await stockedVariant(10);
    const { order } = await paidOrder({ variantId, status: "pending_payment" });
    const result = await post(order.id, { intent: "refund", amount: "5" });
    expect(statusOf(result)).toBe(409);
    expect(await prisma.refund.count()).toBe(0);
  });

  it("two admins refunding at once never return more than was paid", async () => {
    const { variantId } = await stockedVariant(10);
    const { order } = await paidOrder({ variantId, quantity: 2 }); // $40.00
    const requests = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        formRequest(
          `/admin/shop/orders/${order.id}`,
          { intent: "refund", amount: "25.00" },
          {
            userId: index % 2 === 0 ? staff.adminId : staff.commercialId,
          },
        ),
      ),
    );
    const results = await Promise.all(requests.map((request) => run(orderRoute.action, request, { orderId: order.id })));
    expect(results.map(statusOf).sort()).toEqual([302, 400, 400, 400, 400, 400]);
    const after = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { refunds: true } });
    expect(after.refundedTotal).toBe(2500);
    expect(after.refunds).toHaveLength(1);
    expect(after.status).toBe("partially_refunded");
  });

  it("many concurrent small refunds add up exactly to what was paid, never more", async () => {
    const { variantId } = await stockedVariant(10);
    const { order } = await paidOrder({ variantId, quantity: 1, giftCard: 500 }); // $20.00: $5 gift card, $15 offline
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, async () =>
        run(
          orderRoute.action,
          await formRequest(`/admin/shop/orders/${order.id}`, { intent: "refund", amount: "3.00" }, { userId: staff.adminId }),
          {
            orderId: order.id,
          },
        ),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled" && statusOf(r.value) === 302).length;
    expect(ok).toBe(6); // 6 × $3.00 = $18.00; a seventh would exceed $20.00
    const after = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { refunds: true } });
    expect(after.refundedTotal).toBe(1800);
    const card = after.refunds.reduce((sum, r) => sum + r.cardAmount, 0);
    const gift = after.refunds.reduce((sum, r) => sum + r.giftCardAmount, 0);
    expect([card, gift]).toEqual([1500, 300]);
  });

  it("cancels a paid offline order: refunded in full, gift card released, stock back when asked", async () => {
    const { variantId } = await stockedVariant(10);
    const { order, giftCardId } = await paidOrder({ variantId, quantity: 2, giftCard: 1000 });
    const result = await post(order.id, { intent: "cancel", reason: "Customer changed their mind", restock: "on" });
    expect(statusOf(result)).toBe(302);
    const after = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { refunds: true } });
    expect(after).toMatchObject({ status: "cancelled", refundedTotal: 4000, cancelReason: "Customer changed their mind" });
    expect(after.refunds).toMatchObject([{ amount: 4000, cardAmount: 3000, giftCardAmount: 1000, status: "succeeded" }]);
    expect((await prisma.giftCard.findUniqueOrThrow({ where: { id: giftCardId! } })).balance).toBe(2000);
    expect((await prisma.productVariant.findUniqueOrThrow({ where: { id: variantId } })).stockOnHand).toBe(10);
    expect(await webhookEventTypes()).toEqual(["order.refunded"]);
    expect(await emailsTo(order.email, "order-refunded")).toHaveLength(1);
    // a second cancel is refused by the status machine and changes nothing
    expect(statusOf(await post(order.id, { intent: "cancel" }))).toBe(409);
    expect(await prisma.refund.count()).toBe(1);
  });

  it("cancels an unpaid order without any refund, and a fulfilled one not at all", async () => {
    const { variantId } = await stockedVariant(10);
    const { order } = await paidOrder({ variantId, status: "pending_payment" });
    expect(statusOf(await post(order.id, { intent: "cancel", reason: "No payment came" }))).toBe(302);
    const after = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { refunds: true } });
    expect(after).toMatchObject({ status: "cancelled", refundedTotal: 0, refunds: [] });
    expect(await emailsTo(order.email, "order-refunded")).toHaveLength(0);

    const { order: shipped } = await paidOrder({ variantId, status: "fulfilled" });
    const refused = await post(shipped.id, { intent: "cancel" });
    expect(statusOf(refused)).toBe(409);
    expect(payloadOf<ActionPayload>(refused).result?.error?.[""]).toEqual([
      "The order's status does not allow this any more. Reload the page to see where it stands.",
    ]);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: shipped.id } })).status).toBe("fulfilled");
  });

  it("applyRefund records a refund made elsewhere once, by its Stripe id", async () => {
    const { variantId } = await stockedVariant(10);
    const { order } = await paidOrder({ variantId, quantity: 2, paymentMethod: "stripe", stripePaymentIntentId: "pi_test_dash" });
    const input = {
      orderId: order.id,
      cardAmount: 1200,
      giftCardAmount: 0,
      stripeRefundId: "re_test_dash",
      reason: "Refunded in the Stripe dashboard",
      restock: false,
      actorId: null,
    };
    const first = await prisma.$transaction((tx) => applyRefund(tx, input));
    const second = await prisma.$transaction((tx) => applyRefund(tx, input));
    expect(first).toMatchObject({ changed: true, status: "partially_refunded" });
    expect(second).toMatchObject({ changed: false, refundId: first.refundId });
    const after = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { refunds: true } });
    expect(after.refundedTotal).toBe(1200);
    expect(after.refunds).toHaveLength(1);
  });

  it("needs update:order:any to act and read:order:any to look", async () => {
    const { variantId } = await stockedVariant(10);
    const { order } = await paidOrder({ variantId });
    const denied = await post(order.id, { intent: "refund", amount: "5" }, staff.customerId);
    expect(statusOf(denied)).toBe(403);
    const look = await run(orderRoute.loader, await getRequest(`/admin/shop/orders/${order.id}`, { userId: staff.customerId }), {
      orderId: order.id,
    });
    expect(statusOf(look)).toBe(403);
    const ok = await run(orderRoute.loader, await getRequest(`/admin/shop/orders/${order.id}`, { userId: staff.commercialId }), {
      orderId: order.id,
    });
    expect(payloadOf<{ refundable: number }>(ok).refundable).toBe(4000);
    expect(await prisma.refund.count()).toBe(0);
  });
});
