// Recording a refund against an order: the Refund row, refundedTotal and the status (partial or
// full, from the amounts), the gift-card part credited back, stock returned on a full refund when
// asked, the order.refunded webhook, the audit row and the customer's e-mail, all in the caller's
// transaction. The admin's refund (refund-order.server.ts) and Stripe's charge.refunded webhook
// (a refund made in the Stripe dashboard) both end here.
//
// Concurrency: every path locks the order row (SELECT … FOR UPDATE) first and counts refunds still
// in flight as taken, so two refunds at once never return more than was paid.
import { DomainError } from "~/domains/errors";
import type { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/domains/platform/audit.server";
import { queueTemplateEmail } from "~/domains/platform/email/send-template.server";
import type { Tx } from "~/infra/db.server";
import { isStockCommitted } from "~/domains/commerce/checkout/stock.server";
import { creditOrderGiftCards } from "~/domains/commerce/gift-cards/ledger.server";
import { REFUNDABLE_STATUSES, statusAfterRefund, type OrderStatus } from "~/domains/commerce/order-status";
import { orderUrl } from "./order-links.server";
import { emitOrderEvent } from "./order-events.server";
import { assertSplitFits, ledgerFromRefunds, type RefundLedger } from "./refund-split";
import { restockOrder } from "./restock.server";

/** A refund whose Stripe call has not answered after this long is treated as abandoned by its caller. */
export const STALE_IN_FLIGHT_MS = 5 * 60_000;

const lockedOrderInclude = { refunds: true, items: true } satisfies Prisma.OrderInclude;
export type LockedOrder = Prisma.OrderGetPayload<{ include: typeof lockedOrderInclude }>;

/** Locks the order row for the rest of the transaction and reads it with its refunds and items. */
export async function lockOrder(tx: Tx, orderId: string): Promise<LockedOrder> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
  if (rows.length === 0) throw new DomainError("not_found", "No such order.", { orderId });
  return tx.order.findUniqueOrThrow({ where: { id: orderId }, include: lockedOrderInclude });
}

/** A refund row not yet recorded against the order: the Stripe call for it is still running. */
export function isInFlight(refund: { status: string; completedAt: Date | null }): boolean {
  return refund.status === "pending" && refund.completedAt === null;
}

/** What was paid and what is refunded or in flight, leaving out `exceptRefundId` (the one being completed). */
export function ledgerOf(order: LockedOrder, exceptRefundId?: string): RefundLedger {
  return ledgerFromRefunds(order, order.refunds, exceptRefundId);
}

export type ApplyRefundInput = {
  orderId: string;
  /** Returned to the card (Stripe) or given back by hand for an offline payment. */
  cardAmount: number;
  /** Credited back to the order's gift cards. */
  giftCardAmount: number;
  /** Stripe's refund id (re_…); a refund already recorded with it changes nothing. */
  stripeRefundId?: string | null;
  /** Stripe's answer; "pending" refunds are recorded (the money is on its way). Default succeeded. */
  stripeStatus?: "succeeded" | "pending";
  reason: string;
  /** Return the items to stock. Only done when this refund makes the order fully refunded. */
  restock: boolean;
  actorId: string | null;
  ipAddress?: string | null;
  /** Completes this in-flight Refund row (the admin path) instead of creating one. */
  refundId?: string;
};

export type ApplyRefundResult = { changed: boolean; refundId: string | null; status: OrderStatus };

/**
 * Records a refund (see the file comment). Idempotent by `stripeRefundId` and by `refundId`.
 * Throws DomainError `not_found`, `invalid_transition` (order not refundable), `invalid_refund`,
 * `refund_exceeds_refundable`, `gift_card_credit_failed`.
 */
export async function applyRefund(tx: Tx, input: ApplyRefundInput): Promise<ApplyRefundResult> {
  const order = await lockOrder(tx, input.orderId);
  const status = order.status as OrderStatus;
  const stripeRefundId = input.stripeRefundId ?? null;

  if (stripeRefundId) {
    const known = order.refunds.find((refund) => refund.stripeRefundId === stripeRefundId);
    if (known) return { changed: false, refundId: known.id, status };
  }

  let target = input.refundId ? order.refunds.find((refund) => refund.id === input.refundId) : undefined;
  if (input.refundId) {
    if (!target) throw new DomainError("not_found", "No such refund.", { refundId: input.refundId });
    if (!isInFlight(target)) return { changed: false, refundId: target.id, status };
  } else {
    // A refund from outside (Stripe dashboard) while one of ours is being sent: ours gets its Stripe id
    // in a moment, so this event must be retried then (a plain Error makes the webhook answer 500 and
    // Stripe retries). An in-flight refund abandoned for minutes with the same card amount is this one.
    const inFlight = order.refunds.filter(isInFlight);
    const stale = inFlight.find(
      (refund) => refund.cardAmount === input.cardAmount && Date.now() - refund.createdAt.getTime() > STALE_IN_FLIGHT_MS,
    );
    if (stale) target = stale;
    else if (inFlight.length > 0) throw new Error(`Order ${order.number} has a refund in flight; retry later.`);
  }

  const cardAmount = target ? target.cardAmount : input.cardAmount;
  const giftCardAmount = target ? target.giftCardAmount : input.giftCardAmount;
  const restock = target ? target.restock : input.restock;
  const reason = target ? target.reason : input.reason;
  const amount = cardAmount + giftCardAmount;

  if (!REFUNDABLE_STATUSES.includes(status)) {
    throw new DomainError("invalid_transition", `An order that is ${status} cannot be refunded.`, { from: status });
  }
  assertSplitFits(ledgerOf(order, target?.id), { cardAmount, giftCardAmount });
  const refundedTotal = order.refundedTotal + amount;
  const nextStatus = statusAfterRefund(status, { paid: order.grandTotal, refunded: refundedTotal });
  const completedAt = new Date();

  const refund = target
    ? await tx.refund.update({
        where: { id: target.id },
        data: { status: input.stripeStatus ?? "succeeded", stripeRefundId, completedAt },
      })
    : await tx.refund.create({
        data: {
          orderId: order.id,
          amount,
          cardAmount,
          giftCardAmount,
          reason,
          restock,
          status: input.stripeStatus ?? "succeeded",
          stripeRefundId,
          createdById: input.actorId,
          completedAt,
        },
      });

  const updated = await tx.order.updateMany({
    where: { id: order.id, refundedTotal: order.refundedTotal },
    data: { refundedTotal, status: nextStatus },
  });
  if (updated.count !== 1) throw new Error(`Order ${order.number} changed under its row lock.`);

  if (giftCardAmount > 0) {
    const credited = await creditOrderGiftCards(tx, {
      orderId: order.id,
      amount: giftCardAmount,
      kind: "refund",
      actorId: input.actorId,
      reason: reason || `Refund on order ${order.number}`,
    });
    if (credited !== giftCardAmount) {
      throw new DomainError("gift_card_credit_failed", "The gift cards of this order could not be credited.", {
        giftCardAmount,
        credited,
      });
    }
  }

  // Only units that left the shelf go back (checkout's "sold" adjustment rows say so).
  const restocked =
    restock && nextStatus === "refunded" && (await isStockCommitted(tx, order.id))
      ? await restockOrder(tx, order, input.actorId, "refund")
      : 0;

  await emitOrderEvent(tx, "order.refunded", order.id);
  await recordAudit(
    {
      actorId: input.actorId,
      action: "order.refund",
      entityType: "order",
      entityId: order.id,
      before: { status, refundedTotal: order.refundedTotal },
      after: {
        status: nextStatus,
        refundedTotal,
        refundId: refund.id,
        cardAmount,
        giftCardAmount,
        reason,
        restockedUnits: restocked,
        ...(stripeRefundId ? { stripeRefundId } : {}),
      },
      ipAddress: input.ipAddress ?? null,
    },
    tx,
  );
  await queueTemplateEmail(tx, {
    to: order.email,
    locale: order.locale,
    template: "order-refunded",
    props: {
      orderNumber: order.number,
      amount,
      giftCardAmount,
      refundedTotal,
      currency: order.currency,
      fullyRefunded: nextStatus === "refunded",
      orderUrl: orderUrl(order),
    },
  });
  return { changed: true, refundId: refund.id, status: nextStatus };
}
