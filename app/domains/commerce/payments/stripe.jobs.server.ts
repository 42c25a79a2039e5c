// Stripe work that must not run inside a request or a webhook's transaction (listed by
// ~/domains/platform/jobs/registry.server.ts):
// - `stripe_refund_unexpected_payment`: a payment arrived for an order that no longer waited for it
//   (cancelled when its reservation ran out, paid already through another session, or its stock was
//   gone). The customer gets all of it back. Idempotent: the Stripe idempotency key is the payment
//   intent, so a rerun returns the first refund; the audit row is written once per Stripe refund id.
import { z } from "zod";
import { recordAudit } from "~/domains/platform/audit.server";
import { defineJob, type JobDefinition } from "~/domains/platform/jobs/define";
import { PermanentJobError } from "~/domains/platform/jobs/errors";
import { prisma } from "~/infra/db.server";
import { isDomainError } from "~/domains/errors";
import { refundStripePayment } from "./stripe-refunds.server";

export const UNEXPECTED_PAYMENT_REASONS = ["order_cancelled", "already_paid", "oversold"] as const;
export type UnexpectedPaymentReason = (typeof UNEXPECTED_PAYMENT_REASONS)[number];

export const stripeRefundUnexpectedPaymentJob = defineJob({
  name: "stripe_refund_unexpected_payment",
  queue: "webhooks",
  description: "Refunds in full a Stripe payment that arrived for an order no longer waiting for it.",
  payload: z.object({
    orderId: z.string().min(1),
    paymentIntentId: z.string().min(1),
    amount: z.number().int().positive(),
    reason: z.enum(UNEXPECTED_PAYMENT_REASONS),
  }),
  attempts: 8,
  backoffMs: 60_000,
  handler: async ({ orderId, paymentIntentId, amount, reason }) => {
    let refund: Awaited<ReturnType<typeof refundStripePayment>>;
    try {
      refund = await refundStripePayment({
        paymentIntentId,
        amount,
        idempotencyKey: `unexpected-payment-${paymentIntentId}`,
        metadata: { orderId, kind: "unexpected_payment", reason },
      });
    } catch (error) {
      // Not configured, or Stripe refuses the request itself (already refunded): retrying cannot help.
      if (isDomainError(error) || (error as { type?: string }).type === "StripeInvalidRequestError") {
        throw new PermanentJobError((error as Error).message);
      }
      throw error;
    }
    await prisma.$transaction(async (tx) => {
      const done = await tx.auditLog.findFirst({
        where: {
          action: "order.unexpected_payment_refunded",
          entityId: orderId,
          after: { path: ["stripeRefundId"], equals: refund.id },
        },
        select: { id: true },
      });
      if (done) return;
      await recordAudit(
        {
          actorId: null,
          action: "order.unexpected_payment_refunded",
          entityType: "Order",
          entityId: orderId,
          after: { paymentIntentId, amount, reason, stripeRefundId: refund.id, status: refund.status },
        },
        tx,
      );
    });
    return { stripeRefundId: refund.id, status: refund.status };
  },
});

export const paymentJobs: JobDefinition[] = [stripeRefundUnexpectedPaymentJob];
