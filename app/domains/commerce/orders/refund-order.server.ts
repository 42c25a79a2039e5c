// The admin's refund: full or partial, split card first (refund-split.ts). For a Stripe order the
// card part goes through Stripe in three steps so no money moves twice and no refund is lost:
//   1. one transaction locks the order, checks the amount against what is left (refunds in flight
//      included) and writes the Refund row as in flight (pending, no completedAt);
//   2. Stripe is asked with the Refund row's id as the idempotency key (a retry cannot refund twice);
//   3. a second transaction records it with applyRefund, or marks the row failed with Stripe's reason.
// Offline and gift-card orders have no one to call: the refund is recorded in one transaction (the
// card part of an offline order is the money the shop gives back by hand).
import { DomainError } from "~/domains/errors";
import { recordAudit } from "~/domains/platform/audit.server";
import { prisma } from "~/infra/db.server";
import type { Tx } from "~/infra/db.server";
import { logger } from "~/infra/logger.server";
import { REFUNDABLE_STATUSES, type OrderStatus } from "~/domains/commerce/order-status";
import { refundStripePayment } from "~/domains/commerce/payments/stripe-refunds.server";
import { applyRefund, ledgerOf, lockOrder } from "./refunds.server";
import { splitRefund } from "./refund-split";

export type RefundOrderInput = {
  orderId: string;
  /** Minor units; null = everything still refundable. */
  amount: number | null;
  reason: string;
  restock: boolean;
  actorId: string | null;
  ipAddress?: string | null;
};

export type RefundOrderResult = {
  refundId: string;
  amount: number;
  cardAmount: number;
  giftCardAmount: number;
  status: OrderStatus;
};

type InFlight = { refundId: string; paymentIntentId: string; cardAmount: number; giftCardAmount: number; orderNumber: string };

/**
 * Throws DomainError `not_found`, `invalid_transition`, `invalid_refund`, `refund_exceeds_refundable`,
 * `stripe_refund_failed` (Stripe refused or could not be reached; the Refund row is kept as failed).
 */
export async function refundOrder(input: RefundOrderInput): Promise<RefundOrderResult> {
  const started = await prisma.$transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    const status = order.status as OrderStatus;
    if (!REFUNDABLE_STATUSES.includes(status)) {
      throw new DomainError("invalid_transition", `An order that is ${status} cannot be refunded.`, { from: status });
    }
    const ledger = ledgerOf(order);
    const amount = input.amount ?? ledger.cardPaid - ledger.cardRefunded + ledger.giftCardPaid - ledger.giftCardRefunded;
    const split = splitRefund(ledger, amount);
    const refund = await tx.refund.create({
      data: {
        orderId: order.id,
        amount,
        ...split,
        reason: input.reason,
        restock: input.restock,
        status: "pending",
        createdById: input.actorId,
      },
    });
    const needsStripe = order.paymentMethod === "stripe" && split.cardAmount > 0;
    if (needsStripe && !order.stripePaymentIntentId) {
      throw new DomainError("stripe_refund_failed", "This order has no Stripe payment to refund.");
    }
    if (!needsStripe) {
      const applied = await applyRefund(tx, { ...input, ...split, refundId: refund.id });
      return { kind: "done", done: { refundId: refund.id, amount, ...split, status: applied.status } } as const;
    }
    const inFlight: InFlight = {
      refundId: refund.id,
      paymentIntentId: order.stripePaymentIntentId as string,
      ...split,
      orderNumber: order.number,
    };
    return { kind: "flight", inFlight } as const;
  });
  if (started.kind === "done") return started.done;
  return completeStripeRefund(started.inFlight, input);
}

async function completeStripeRefund(flight: InFlight, input: RefundOrderInput): Promise<RefundOrderResult> {
  let answer: Awaited<ReturnType<typeof refundStripePayment>>;
  try {
    answer = await refundStripePayment({
      paymentIntentId: flight.paymentIntentId,
      amount: flight.cardAmount,
      idempotencyKey: `refund-${flight.refundId}`,
      metadata: { orderId: input.orderId, orderNumber: flight.orderNumber, refundId: flight.refundId },
    });
  } catch (error) {
    logger.warn({ err: error, refundId: flight.refundId }, "stripe refund failed");
    await failRefund(flight.refundId, input, error instanceof Error ? error.message : String(error));
    throw new DomainError("stripe_refund_failed", "Stripe did not accept the refund. Nothing was refunded.");
  }
  if (answer.status === "failed") {
    await failRefund(flight.refundId, input, "Stripe reported the refund as failed.", answer.id);
    throw new DomainError("stripe_refund_failed", "Stripe reported the refund as failed. Nothing was refunded.");
  }
  const applied = await prisma.$transaction((tx) =>
    applyRefund(tx, {
      ...input,
      cardAmount: flight.cardAmount,
      giftCardAmount: flight.giftCardAmount,
      refundId: flight.refundId,
      stripeRefundId: answer.id,
      stripeStatus: answer.status === "pending" ? "pending" : "succeeded",
    }),
  );
  return {
    refundId: flight.refundId,
    amount: flight.cardAmount + flight.giftCardAmount,
    cardAmount: flight.cardAmount,
    giftCardAmount: flight.giftCardAmount,
    status: applied.status,
  };
}

async function failRefund(refundId: string, input: RefundOrderInput, failureReason: string, stripeRefundId?: string) {
  await prisma.$transaction(async (tx: Tx) => {
    await lockOrder(tx, input.orderId);
    await tx.refund.updateMany({
      where: { id: refundId, status: "pending", completedAt: null },
      data: { status: "failed", failureReason: failureReason.slice(0, 500), completedAt: new Date(), stripeRefundId },
    });
    await recordAudit(
      {
        actorId: input.actorId,
        action: "order.refund_failed",
        entityType: "order",
        entityId: input.orderId,
        after: { refundId, failureReason: failureReason.slice(0, 500) },
        ipAddress: input.ipAddress ?? null,
      },
      tx,
    );
  });
}
