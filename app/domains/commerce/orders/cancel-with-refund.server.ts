// The admin's "Cancel order": an unpaid order is simply cancelled (H5's cancelOrder releases its
// reservations, gift cards and discount); a paid one is refunded in full as part of cancelling
// (order-status.ts), so the card part goes back first — through Stripe with the same in-flight
// Refund row protocol as refund-order.server.ts — and then cancelOrder returns the stock (when
// "restock" is ticked) and releases the gift cards. The Refund row records the whole amount.
import { DomainError } from "~/domains/errors";
import { prisma } from "~/infra/db.server";
import type { Tx } from "~/infra/db.server";
import { logger } from "~/infra/logger.server";
import { CANCELLABLE_STATUSES, type OrderStatus } from "~/domains/commerce/order-status";
import { refundStripePayment } from "~/domains/commerce/payments/stripe-refunds.server";
import { queueTemplateEmail } from "~/domains/platform/email/send-template.server";
import { cancelOrder } from "./cancel.server";
import { orderUrl } from "./order-links.server";
import { applyRefund, isInFlight, lockOrder } from "./refunds.server";

export type CancelInput = {
  orderId: string;
  reason: string;
  restock: boolean;
  actorId: string | null;
  ipAddress?: string | null;
};

/**
 * `cancelled` is false only when the order moved on (e.g. fulfilled) while Stripe was refunding it:
 * the refund is then recorded as a full refund instead. Throws `not_found`, `invalid_transition`,
 * `refund_in_progress`, `stripe_refund_failed` (the order then stays paid).
 */
export async function cancelOrderWithRefund(input: CancelInput): Promise<{ refunded: number; cancelled: boolean }> {
  const started = await prisma.$transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    const status = order.status as OrderStatus;
    if (!CANCELLABLE_STATUSES.includes(status)) {
      throw new DomainError("invalid_transition", `An order that is ${status} cannot be cancelled.`, { from: status });
    }
    if (order.refunds.some(isInFlight)) {
      throw new DomainError("refund_in_progress", "A refund of this order is still being processed.");
    }
    if (status === "pending_payment") {
      await cancelOrder(tx, { orderId: order.id, reason: input.reason, restock: input.restock, actorId: input.actorId });
      return { kind: "done", refunded: 0 } as const;
    }
    const refund = await tx.refund.create({
      data: {
        orderId: order.id,
        amount: order.grandTotal,
        cardAmount: order.amountDue,
        giftCardAmount: order.giftCardTotal,
        reason: input.reason,
        restock: input.restock,
        status: "pending",
        createdById: input.actorId,
      },
    });
    if (order.paymentMethod !== "stripe" || order.amountDue === 0) {
      await finishCancel(tx, input, refund.id, null);
      return { kind: "done", refunded: order.grandTotal } as const;
    }
    if (!order.stripePaymentIntentId)
      throw new DomainError("stripe_refund_failed", "This order has no Stripe payment to refund.");
    return {
      kind: "flight",
      flight: {
        refundId: refund.id,
        paymentIntentId: order.stripePaymentIntentId,
        amount: order.amountDue,
        number: order.number,
        total: order.grandTotal,
      },
    } as const;
  });
  if (started.kind === "done") return { refunded: started.refunded, cancelled: true };

  const { flight } = started;
  let stripeRefund: Awaited<ReturnType<typeof refundStripePayment>> | null = null;
  let failure = "";
  try {
    stripeRefund = await refundStripePayment({
      paymentIntentId: flight.paymentIntentId,
      amount: flight.amount,
      idempotencyKey: `refund-${flight.refundId}`,
      metadata: { orderId: input.orderId, orderNumber: flight.number, refundId: flight.refundId },
    });
    if (stripeRefund.status === "failed") failure = "Stripe reported the refund as failed.";
  } catch (error) {
    logger.warn({ err: error, refundId: flight.refundId }, "stripe refund on cancel failed");
    failure = error instanceof Error ? error.message : String(error);
  }
  if (failure || !stripeRefund) {
    await prisma.refund.updateMany({
      where: { id: flight.refundId, status: "pending", completedAt: null },
      data: { status: "failed", failureReason: failure.slice(0, 500), completedAt: new Date(), stripeRefundId: stripeRefund?.id },
    });
    throw new DomainError("stripe_refund_failed", "Stripe did not accept the refund, so the order was not cancelled.");
  }
  const stripeRefundId = stripeRefund.id;
  const stripeStatus = stripeRefund.status === "pending" ? "pending" : "succeeded";
  return prisma.$transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (order.status === "paid") {
      await finishCancel(tx, input, flight.refundId, { id: stripeRefundId, status: stripeStatus });
      return { refunded: flight.total, cancelled: true };
    }
    // The order moved on while Stripe was answering (it can no longer be cancelled), but the money
    // is back with the customer: record it as the full refund it is, never lose it.
    await applyRefund(tx, {
      orderId: input.orderId,
      cardAmount: 0,
      giftCardAmount: 0,
      refundId: flight.refundId,
      stripeRefundId,
      stripeStatus,
      reason: input.reason,
      restock: input.restock,
      actorId: input.actorId,
      ipAddress: input.ipAddress,
    });
    return { refunded: flight.total, cancelled: false };
  });
}

async function finishCancel(
  tx: Tx,
  input: CancelInput,
  refundId: string,
  stripe: { id: string; status: "pending" | "succeeded" } | null,
): Promise<void> {
  const refund = await tx.refund.update({
    where: { id: refundId },
    data: { status: stripe?.status ?? "succeeded", stripeRefundId: stripe?.id ?? null, completedAt: new Date() },
  });
  const order = await tx.order.update({
    where: { id: input.orderId },
    data: { refundedTotal: { increment: refund.amount } },
  });
  await cancelOrder(tx, { orderId: input.orderId, reason: input.reason, restock: input.restock, actorId: input.actorId });
  await queueTemplateEmail(tx, {
    to: order.email,
    locale: order.locale,
    template: "order-refunded",
    props: {
      orderNumber: order.number,
      amount: refund.amount,
      giftCardAmount: refund.giftCardAmount,
      refundedTotal: order.refundedTotal,
      currency: order.currency,
      fullyRefunded: true,
      orderUrl: orderUrl(order),
    },
  });
}
