// Paying again for a Stripe order that still waits (/checkout/pay/<number>: the customer cancelled on
// Stripe's page, closed the tab, or their card was declined), checked from the order row alone. While
// the stock is still reserved, the open Checkout Session is reused (the customer may have it in another
// tab) or a new one is created (createStripeCheckoutSession); once the reservation ran out the order is
// not payable any more (the expiry job cancels it).
import { DomainError } from "~/domains/errors";
import { prisma } from "~/infra/db.server";
import { createStripeCheckoutSession, type StripeSession } from "./stripe-checkout.server";

export type NotPayableReason = "not_stripe" | "paid" | "cancelled" | "expired" | "processing";

/** Until when the order's stock is held for it: the earliest reservation, else the checkout's end. */
export async function reservationEndsAt(checkoutId: string | null): Promise<Date | null> {
  if (!checkoutId) return null;
  const [checkout, first] = await Promise.all([
    prisma.checkout.findUnique({ where: { id: checkoutId }, select: { expiresAt: true } }),
    prisma.stockReservation.findFirst({ where: { checkoutId }, orderBy: { expiresAt: "asc" }, select: { expiresAt: true } }),
  ]);
  return first?.expiresAt ?? checkout?.expiresAt ?? null;
}

/**
 * Where to send the customer to pay the order. Throws DomainError `not_found`, `stripe_not_configured`,
 * or `order_not_payable` with `details.reason` (NotPayableReason) for the page to explain.
 */
export async function resumeStripePayment(orderId: string, now = new Date()): Promise<StripeSession> {
  const order = await prisma.order.findUnique({
    where: { id: orderId },
    include: { items: { select: { title: true, variantTitle: true, quantity: true } } },
  });
  if (!order) throw new DomainError("not_found", "No such order.", { orderId });
  const refuse = (reason: NotPayableReason, message: string) => new DomainError("order_not_payable", message, { reason });
  if (order.paymentMethod !== "stripe") throw refuse("not_stripe", "This order is not paid by card.");
  if (order.status === "cancelled") throw refuse("cancelled", "This order was cancelled.");
  if (order.status !== "pending_payment") throw refuse("paid", "This order is already paid.");
  const endsAt = await reservationEndsAt(order.checkoutId);
  if (!endsAt || endsAt <= now) throw refuse("expired", "The time to pay for this order has run out.");

  return createStripeCheckoutSession(order, { expiresAt: endsAt });
}
