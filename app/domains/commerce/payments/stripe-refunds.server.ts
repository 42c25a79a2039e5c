// Card refunds through Stripe. The caller (the admin's refund, cancelling a paid order, the refund of
// a payment that arrived for an order no longer waiting for it) owns the bookkeeping; this module only
// asks Stripe, with the caller's idempotency key so a retried request can never refund twice.
import { DomainError } from "~/domains/errors";
import { getStripe } from "./stripe.server";

export type StripeRefundInput = {
  paymentIntentId: string;
  /** Minor units, > 0. */
  amount: number;
  /** Stable per refund (e.g. `refund-<Refund.id>`): Stripe answers a repeat with the first refund. */
  idempotencyKey: string;
  metadata?: Record<string, string>;
};

export type StripeRefundResult = { id: string; status: "succeeded" | "pending" | "failed" };

/** Stripe's refund statuses in ours: requires_action and pending are money on its way. */
export function refundStatusFromStripe(status: string | null | undefined): StripeRefundResult["status"] {
  if (status === "succeeded") return "succeeded";
  if (status === "failed" || status === "canceled") return "failed";
  return "pending";
}

/**
 * Refunds `amount` of a payment. Throws DomainError `stripe_not_configured`, `invalid_refund` (not a
 * positive whole amount) or the Stripe SDK's error when Stripe refuses or cannot be reached (the caller
 * records the failure; the idempotency key makes a later retry safe).
 */
export async function refundStripePayment(input: StripeRefundInput): Promise<StripeRefundResult> {
  const stripe = getStripe();
  if (!stripe) throw new DomainError("stripe_not_configured", "Stripe is not configured: no card refund is possible.");
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    throw new DomainError("invalid_refund", "A refund must be a positive whole number of minor units.", { amount: input.amount });
  }
  const refund = await stripe.refunds.create(
    {
      payment_intent: input.paymentIntentId,
      amount: input.amount,
      metadata: { ...input.metadata, source: "verso" },
    },
    { idempotencyKey: input.idempotencyKey },
  );
  return { id: refund.id, status: refundStatusFromStripe(refund.status) };
}
