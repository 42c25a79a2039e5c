// Stripe's webhook events, each applied once. The signature on the raw body is the authentication
// (verifyStripeEvent); the event id goes into StripeEvent with INSERT … ON CONFLICT DO NOTHING in the
// SAME transaction as the event's effect, so a replayed or duplicated event finds its row and changes
// nothing, and an event whose effect failed (rolled back) is applied when Stripe retries it.
//
// Effects (ADR 013):
// - checkout.session.completed (paid) / async_payment_succeeded → markOrderPaid via stripe, after
//   checking the amount and currency against the order. unpaid (a bank debit still on its way) → noted,
//   the order waits for async_payment_succeeded / _failed.
// - A payment for an order that no longer waits for one (cancelled when its reservation ran out, or paid
//   already through another session) is refunded in full by a job, and noted on the order.
// - markOrderPaid refusing with "oversold" (the reserved stock went meanwhile) → the order is cancelled
//   and the payment refunded, in a second transaction (the first rolled back whole).
// - checkout.session.expired → cancelOrder (payment_expired) while the order waits on THAT session.
// - checkout.session.async_payment_failed, payment_intent.payment_failed → an audit note; the order
//   stays pending (the customer may retry while the reservation lasts). A failed bank debit also
//   releases the order from its (complete, never-expiring) session: see sessionPaymentFailed.
// - charge.refunded → refunds made outside the shop (the Stripe dashboard) recorded with applyRefund;
//   the shop's own refunds are already recorded under their Stripe id and skipped.
// - Anything else → recorded and ignored.
import Stripe from "stripe";
import { isDomainError } from "~/domains/errors";
import { recordAudit } from "~/domains/platform/audit.server";
import { enqueueJob } from "~/domains/platform/outbox/outbox.server";
import { prisma } from "~/infra/db.server";
import type { Tx } from "~/infra/db.server";
import { logger } from "~/infra/logger.server";
import { REFUNDABLE_STATUSES, type OrderStatus } from "~/domains/commerce/order-status";
import { cancelOrder } from "~/domains/commerce/orders/cancel.server";
import { markOrderPaid } from "~/domains/commerce/orders/payment.server";
import { applyRefund } from "~/domains/commerce/orders/refunds.server";
import { stripeRefundUnexpectedPaymentJob, type UnexpectedPaymentReason } from "./stripe.jobs.server";
import { refundStatusFromStripe } from "./stripe-refunds.server";
import { getStripe } from "./stripe.server";

/** The fields of Stripe's objects the shop reads (the SDK's types change with every API version). */
export type StripeEventInput = { id: string; type: string; data: { object: Record<string, unknown> } };
type SessionObject = {
  id: string;
  status?: string | null;
  payment_status?: string | null;
  amount_total?: number | null;
  currency?: string | null;
  client_reference_id?: string | null;
  metadata?: Record<string, string> | null;
  payment_intent?: string | { id: string } | null;
};
type ChargeObject = { id: string; payment_intent?: string | { id: string } | null; metadata?: Record<string, string> | null };
type IntentObject = {
  id: string;
  metadata?: Record<string, string> | null;
  last_payment_error?: { code?: string | null; decline_code?: string | null; message?: string | null } | null;
};
type OrderRow = {
  id: string;
  number: string;
  status: OrderStatus;
  paymentMethod: string;
  currency: string;
  amountDue: number;
  stripeCheckoutSessionId: string | null;
  stripePaymentIntentId: string | null;
};
type StripeRefundRow = { id: string; amount: number; status: string | null };

export type StripeEventOutcome = "processed" | "duplicate" | "ignored";
export type StripeEventResult = { outcome: StripeEventOutcome; orderId: string | null };
type Effect = { outcome: "processed" | "ignored"; orderId: string | null };
type Apply = (tx: Tx) => Promise<Effect>;

const MAX_PAYLOAD_BYTES = 512 * 1024;

/** The event, if the header is Stripe's signature of exactly these bytes with our secret (else throws). */
export function verifyStripeEvent(rawBody: string, signatureHeader: string, secret: string): StripeEventInput {
  if (Buffer.byteLength(rawBody, "utf8") > MAX_PAYLOAD_BYTES) throw new Error("Stripe event too large.");
  const event = Stripe.webhooks.constructEvent(rawBody, signatureHeader, secret) as unknown as StripeEventInput;
  if (typeof event?.id !== "string" || typeof event.type !== "string" || !event.data?.object) {
    throw new Error("Not a Stripe event.");
  }
  return event;
}

/** Applies the event once (see the file comment). Throws on a failure worth Stripe's retry. */
export async function processStripeEvent(event: StripeEventInput): Promise<StripeEventResult> {
  const apply = await prepare(event);
  try {
    return await prisma.$transaction((tx) => recordOnce(tx, event, apply));
  } catch (error) {
    if (!isDomainError(error, "oversold")) throw error;
    const session = event.data.object as SessionObject;
    logger.warn({ eventId: event.id, sessionId: session.id }, "stripe payment for stock no longer available");
    return prisma.$transaction((tx) => recordOnce(tx, event, (t) => cancelOversold(t, session)));
  }
}

async function recordOnce(tx: Tx, event: StripeEventInput, apply: Apply | null): Promise<StripeEventResult> {
  const inserted = await tx.$executeRaw`
    INSERT INTO "StripeEvent" ("id", "type", "receivedAt") VALUES (${event.id}, ${event.type}, now())
    ON CONFLICT ("id") DO NOTHING`;
  if (inserted === 0) return { outcome: "duplicate", orderId: null };
  const effect: Effect = apply ? await apply(tx) : { outcome: "ignored", orderId: null };
  await tx.stripeEvent.update({
    where: { id: event.id },
    data: { orderId: effect.orderId, processedAt: effect.outcome === "processed" ? new Date() : null },
  });
  return effect;
}

/** Picks the handler; reads from Stripe what the handler needs BEFORE the transaction opens. */
async function prepare(event: StripeEventInput): Promise<Apply | null> {
  const object = event.data.object;
  switch (event.type) {
    case "checkout.session.completed": {
      const session = object as SessionObject;
      if (session.payment_status === "paid") return (tx) => sessionPaid(tx, session);
      if (session.payment_status === "unpaid")
        return (tx) => noteOnOrder(tx, sessionOrderRef(session), "order.payment_processing", { sessionId: session.id });
      return null;
    }
    case "checkout.session.async_payment_succeeded":
      return (tx) => sessionPaid(tx, object as SessionObject);
    case "checkout.session.async_payment_failed":
      return (tx) => sessionPaymentFailed(tx, object as SessionObject);
    case "checkout.session.expired":
      return (tx) => sessionExpired(tx, object as SessionObject);
    case "payment_intent.payment_failed": {
      const intent = object as IntentObject;
      const error = intent.last_payment_error;
      return (tx) =>
        noteOnOrder(tx, { orderId: intent.metadata?.orderId ?? null, paymentIntentId: intent.id }, "order.payment_failed", {
          paymentIntentId: intent.id,
          code: error?.decline_code ?? error?.code ?? null,
          message: error?.message ?? null,
        });
    }
    case "charge.refunded": {
      const charge = object as ChargeObject;
      const paymentIntentId = idOf(charge.payment_intent);
      if (!paymentIntentId) return null;
      const refunds = await listRefunds(paymentIntentId);
      return (tx) => chargeRefunded(tx, paymentIntentId, refunds);
    }
    default:
      return null;
  }
}

const idOf = (value: string | { id: string } | null | undefined) => (typeof value === "string" ? value : (value?.id ?? null));

type OrderRef = { orderId?: string | null; sessionId?: string | null; paymentIntentId?: string | null };

const sessionOrderRef = (session: SessionObject): OrderRef => ({
  orderId: session.metadata?.orderId ?? session.client_reference_id ?? null,
  sessionId: session.id,
});

/** The order the object belongs to, locked for the rest of the transaction; null when it is not ours. */
async function lockOrder(tx: Tx, ref: OrderRef): Promise<OrderRow | null> {
  const select = {
    id: true,
    number: true,
    status: true,
    paymentMethod: true,
    currency: true,
    amountDue: true,
    stripeCheckoutSessionId: true,
    stripePaymentIntentId: true,
  } as const;
  const where = ref.orderId
    ? { id: ref.orderId }
    : ref.sessionId
      ? { stripeCheckoutSessionId: ref.sessionId }
      : ref.paymentIntentId
        ? { stripePaymentIntentId: ref.paymentIntentId }
        : null;
  if (!where) return null;
  const found = await tx.order.findFirst({ where, select: { id: true } });
  if (!found) return null;
  await tx.$queryRaw`SELECT "id" FROM "Order" WHERE "id" = ${found.id} FOR UPDATE`;
  return (await tx.order.findUnique({ where: { id: found.id }, select })) as OrderRow | null;
}

async function sessionPaid(tx: Tx, session: SessionObject): Promise<Effect> {
  const order = await lockOrder(tx, sessionOrderRef(session));
  if (!order) return { outcome: "ignored", orderId: null };
  const paymentIntentId = idOf(session.payment_intent);
  const amount = session.amount_total ?? 0;
  if (!paymentIntentId) throw new Error(`Paid Checkout Session ${session.id} has no payment intent.`);

  if (order.stripePaymentIntentId === paymentIntentId) return { outcome: "processed", orderId: order.id };
  const waiting = order.status === "pending_payment" && order.paymentMethod === "stripe";
  if (waiting && (amount !== order.amountDue || (session.currency ?? "").toLowerCase() !== order.currency.toLowerCase())) {
    // Never mark paid on a different amount: our totals and Stripe's disagree. Staff decide.
    logger.error({ orderId: order.id, sessionId: session.id, amount, expected: order.amountDue }, "stripe amount mismatch");
    await note(tx, order.id, "order.payment_mismatch", {
      sessionId: session.id,
      paymentIntentId,
      amountPaid: amount,
      currency: session.currency ?? null,
      amountDue: order.amountDue,
    });
    return { outcome: "processed", orderId: order.id };
  }
  if (waiting) {
    await markOrderPaid(tx, { orderId: order.id, via: "stripe", actorId: null, stripePaymentIntentId: paymentIntentId });
    return { outcome: "processed", orderId: order.id };
  }
  await refundUnexpected(tx, order, paymentIntentId, amount, order.status === "cancelled" ? "order_cancelled" : "already_paid");
  return { outcome: "processed", orderId: order.id };
}

/** markOrderPaid found the stock gone: cancel the order (its stock is not ours to restock) and refund. */
async function cancelOversold(tx: Tx, session: SessionObject): Promise<Effect> {
  const order = await lockOrder(tx, sessionOrderRef(session));
  if (!order) return { outcome: "ignored", orderId: null };
  const paymentIntentId = idOf(session.payment_intent) as string;
  if (order.stripePaymentIntentId === paymentIntentId) return { outcome: "processed", orderId: order.id };
  // Between the two transactions the order may have moved on (paid through another session, cancelled):
  // only an order still waiting is cancelled; this payment is refunded either way.
  const waiting = order.status === "pending_payment" && order.paymentMethod === "stripe";
  if (waiting) await cancelOrder(tx, { orderId: order.id, reason: "oversold", restock: false, actorId: null });
  const reason: UnexpectedPaymentReason = waiting
    ? "oversold"
    : order.status === "cancelled"
      ? "order_cancelled"
      : "already_paid";
  await refundUnexpected(tx, order, paymentIntentId, session.amount_total ?? 0, reason);
  return { outcome: "processed", orderId: order.id };
}

async function refundUnexpected(
  tx: Tx,
  order: OrderRow,
  paymentIntentId: string,
  amount: number,
  reason: UnexpectedPaymentReason,
) {
  await note(tx, order.id, "order.unexpected_payment", { paymentIntentId, amount, reason });
  if (amount > 0) {
    await enqueueJob(tx, stripeRefundUnexpectedPaymentJob, { orderId: order.id, paymentIntentId, amount, reason });
  }
}

async function sessionExpired(tx: Tx, session: SessionObject): Promise<Effect> {
  const order = await lockOrder(tx, sessionOrderRef(session));
  if (!order) return { outcome: "ignored", orderId: null };
  // A retry replaced the session, or the order moved on: an old session's expiry changes nothing.
  if (order.status !== "pending_payment" || order.stripeCheckoutSessionId !== session.id) {
    return { outcome: "processed", orderId: order.id };
  }
  await cancelOrder(tx, { orderId: order.id, reason: "payment_expired", restock: false, actorId: null });
  return { outcome: "processed", orderId: order.id };
}

/**
 * A bank debit failed after its session completed. That session can take no other payment and never
 * expires, so it stops being the order's way to pay: the customer's retry opens a new one (a complete
 * session would answer "being confirmed" forever) and the expiry sweep cancels the order when its
 * reservation runs out (it would otherwise skip it for good, holding the stock and gift cards).
 */
async function sessionPaymentFailed(tx: Tx, session: SessionObject): Promise<Effect> {
  const effect = await noteOnOrder(tx, sessionOrderRef(session), "order.payment_failed", {
    sessionId: session.id,
    reason: "async_payment_failed",
  });
  if (effect.orderId) {
    await tx.order.updateMany({
      where: { id: effect.orderId, status: "pending_payment", stripeCheckoutSessionId: session.id },
      data: { stripeCheckoutSessionId: null },
    });
  }
  return effect;
}

async function noteOnOrder(
  tx: Tx,
  ref: OrderRef,
  action: string,
  details: Record<string, string | number | null>,
): Promise<Effect> {
  const order =
    (await lockOrder(tx, ref)) ?? (ref.paymentIntentId ? await lockOrder(tx, { paymentIntentId: ref.paymentIntentId }) : null);
  if (!order) return { outcome: "ignored", orderId: null };
  await note(tx, order.id, action, details);
  return { outcome: "processed", orderId: order.id };
}

async function note(tx: Tx, orderId: string, action: string, after: Record<string, string | number | null>) {
  await recordAudit({ actorId: null, action, entityType: "Order", entityId: orderId, after: { ...after, via: "stripe" } }, tx);
}

async function listRefunds(paymentIntentId: string): Promise<StripeRefundRow[]> {
  const stripe = getStripe();
  if (!stripe) return [];
  const page = await stripe.refunds.list({ payment_intent: paymentIntentId, limit: 100 });
  return page.data.map((refund) => ({ id: refund.id, amount: refund.amount, status: refund.status ?? null }));
}

async function chargeRefunded(tx: Tx, paymentIntentId: string, refunds: StripeRefundRow[]): Promise<Effect> {
  // Only the payment that paid the order: a refunded duplicate payment is not a refund of the order.
  const order = await lockOrder(tx, { paymentIntentId });
  if (!order) return { outcome: "ignored", orderId: null };
  if (!REFUNDABLE_STATUSES.includes(order.status)) return { outcome: "processed", orderId: order.id };
  const known = new Set(
    (
      await tx.refund.findMany({ where: { orderId: order.id, stripeRefundId: { not: null } }, select: { stripeRefundId: true } })
    ).map((row) => row.stripeRefundId),
  );
  // Oldest first, so the order's status follows the refunds in the order they were made.
  for (const refund of [...refunds].reverse()) {
    const status = refundStatusFromStripe(refund.status);
    if (known.has(refund.id) || status === "failed") continue;
    await applyRefund(tx, {
      orderId: order.id,
      cardAmount: refund.amount,
      giftCardAmount: 0,
      stripeRefundId: refund.id,
      stripeStatus: status,
      reason: "Refunded in the Stripe dashboard",
      restock: false,
      actorId: null,
    });
  }
  return { outcome: "processed", orderId: order.id };
}
