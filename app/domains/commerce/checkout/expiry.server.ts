// The reservation-expiry sweep (every minute): gives back stock held past its time.
//   - a checkout never placed: reservations released, checkout → expired (placing it later tries
//     to reserve again);
//   - a Stripe order still waiting for payment: its Stripe session is expired first (a session that
//     turns out complete is left alone: the payment's webhook is on its way), then the order is
//     cancelled with reason "payment_timeout" (stock, gift cards and discount released).
// Each checkout is handled in its own short transaction, so one failure does not hold back the rest.
import { logger } from "~/infra/logger.server";
import { prisma } from "~/infra/db.server";
import { expireStripeSession } from "../payments/stripe-checkout.server";
import { cancelOrder } from "../orders/cancel.server";
import { releaseReservations } from "./stock.server";

const BATCH = 200;

/** What the sweep reads of a checkout past its time, whichever query found it. */
const SWEPT_CHECKOUT = {
  id: true,
  status: true,
  expiresAt: true,
  order: { select: { id: true, status: true, paymentMethod: true, stripeCheckoutSessionId: true } },
} as const;

export type ExpirySweep = { checkoutsExpired: number; ordersCancelled: number; unitsReleased: number; skipped: number };

export async function releaseExpiredReservations(now = new Date()): Promise<ExpirySweep> {
  const result: ExpirySweep = { checkoutsExpired: 0, ordersCancelled: 0, unitsReleased: 0, skipped: 0 };
  const due = await prisma.stockReservation.findMany({
    where: { expiresAt: { lte: now } },
    distinct: ["checkoutId"],
    take: BATCH,
    select: { checkout: { select: SWEPT_CHECKOUT } },
  });
  // Open checkouts past their time without reservations (all untracked lines) expire too.
  const bare = await prisma.checkout.findMany({
    where: { status: "open", expiresAt: { lte: now }, reservations: { none: {} }, order: null },
    take: BATCH,
    select: { id: true },
  });
  if (bare.length > 0) {
    const { count } = await prisma.checkout.updateMany({
      where: { id: { in: bare.map((row) => row.id) }, status: "open", expiresAt: { lte: now } },
      data: { status: "expired" },
    });
    result.checkoutsExpired += count;
  }

  // Stripe orders past their time that hold no reservation (untracked or digital items only).
  const unreserved = await prisma.order.findMany({
    where: {
      status: "pending_payment",
      paymentMethod: "stripe",
      checkout: { expiresAt: { lte: now }, reservations: { none: {} } },
    },
    take: BATCH,
    select: { checkout: { select: SWEPT_CHECKOUT } },
  });
  const work = [...due, ...unreserved].flatMap(({ checkout }) => (checkout ? [{ checkout }] : []));

  for (const { checkout } of work) {
    try {
      const order = checkout.order;
      if (order && order.status === "pending_payment" && order.paymentMethod === "stripe") {
        if (order.stripeCheckoutSessionId) {
          const outcome = await expireStripeSession(order.stripeCheckoutSessionId);
          if (outcome === "already_complete") {
            result.skipped += 1;
            continue;
          }
        }
        const expiredSession = order.stripeCheckoutSessionId;
        const changed = await prisma.$transaction(async (tx) => {
          // Re-checked under the order's lock: the list above was read before the call to Stripe, and
          // meanwhile the payment may have landed (through a session a retry opened) or a retry may have
          // replaced the session we just expired. Cancelling then would cancel a paid order (its gift
          // cards credited back, the card payment kept) or one the customer is paying right now; the
          // next sweep looks at it again.
          const rows = await tx.$queryRaw<Array<{ status: string; stripeCheckoutSessionId: string | null }>>`
            SELECT "status"::text AS "status", "stripeCheckoutSessionId" FROM "Order" WHERE "id" = ${order.id} FOR UPDATE`;
          const current = rows[0];
          if (!current || current.status !== "pending_payment" || current.stripeCheckoutSessionId !== expiredSession) {
            return null;
          }
          const { changed } = await cancelOrder(tx, {
            orderId: order.id,
            reason: "payment_timeout",
            restock: false,
            actorId: null,
            now,
          });
          return changed;
        });
        if (changed === null) result.skipped += 1;
        else if (changed) result.ordersCancelled += 1;
        continue;
      }
      const units = await prisma.$transaction(async (tx) => {
        // Re-checked under the row lock: a customer placing the order right now wins.
        const rows = await tx.$queryRaw<Array<{ status: string; expiresAt: Date }>>`
          SELECT "status", "expiresAt" FROM "Checkout" WHERE "id" = ${checkout.id} FOR UPDATE`;
        const current = rows[0];
        if (!current || current.expiresAt.getTime() > now.getTime()) return null;
        const released = await releaseReservations(tx, checkout.id);
        if (current.status === "open") await tx.checkout.update({ where: { id: checkout.id }, data: { status: "expired" } });
        return released;
      });
      if (units === null) continue;
      result.unitsReleased += units;
      if (checkout.status === "open" && !order) result.checkoutsExpired += 1;
    } catch (error) {
      logger.warn({ err: error, checkoutId: checkout.id }, "releasing an expired reservation failed");
      result.skipped += 1;
    }
  }
  return result;
}
