// The two webhook jobs (listed by ../jobs/registry.server.ts):
// - `webhook_dispatch` fans one domain event out: one WebhookDelivery per enabled endpoint that
//   subscribes to its type, unique per (endpoint, event id), so running it twice creates nothing new;
//   each new delivery gets its `webhook_deliver` job in the same transaction.
// - `webhook_deliver` makes one signed HTTP attempt and logs it; a non-2xx answer throws, so the
//   job is retried with exponential backoff. A delivery that is no longer pending is never sent.
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/infra/db.server";
import { decryptSecret } from "~/infra/crypto.server";
import { defineJob, type JobDefinition } from "../jobs/define";
import { PermanentJobError } from "../jobs/errors";
import { enqueueJob } from "../outbox/outbox.server";
import { recordDeliveryAttempt, markDeliveryFailed } from "./attempts.server";
import { sendWebhook } from "./send.server";
import { newDeliveryId } from "./signature.server";

const BodySchema = z.object({
  type: z.string().min(1),
  timestamp: z.string().datetime({ offset: true }),
  data: z.record(z.unknown()),
});

/** The exact bytes sent (and signed): type, timestamp, data, in that order. */
export function serializeBody(payload: unknown): string {
  const { type, timestamp, data } = BodySchema.parse(payload);
  return JSON.stringify({ type, timestamp, data });
}

export const webhookDeliverJob = defineJob({
  name: "webhook_deliver",
  queue: "webhooks",
  description: "POSTs one signed webhook delivery to its endpoint and logs the attempt.",
  payload: z.object({ deliveryId: z.string().min(1) }),
  // 1, 2, 4 … 64 minutes apart: about two hours before a delivery is given up
  attempts: 8,
  backoffMs: 60_000,
  handler: async ({ deliveryId }, { attempt, maxAttempts, signal }) => {
    const delivery = await prisma.webhookDelivery.findUnique({
      where: { id: deliveryId },
      select: {
        id: true,
        status: true,
        payload: true,
        endpoint: { select: { id: true, url: true, secretEncrypted: true, enabled: true } },
      },
    });
    // the endpoint (and with it the delivery) was deleted, or the delivery is already settled
    if (!delivery) return { skipped: "gone" };
    // A dead-lettered delivery job retried from /admin/tasks starts again at attempt 1: send it again.
    if (delivery.status === "failed" && attempt === 1) {
      await prisma.webhookDelivery.updateMany({
        where: { id: deliveryId, status: "failed" },
        data: { status: "pending", completedAt: null },
      });
    } else if (delivery.status !== "pending") return { skipped: `already ${delivery.status}` };
    // Shutting down: not sent and not counted against the endpoint (the job runs again later).
    if (signal.aborted) throw new Error("Not sent: the process is shutting down.");
    if (!delivery.endpoint.enabled) {
      await markDeliveryFailed(deliveryId, "Endpoint disabled: not sent.");
      return { skipped: "endpoint disabled" };
    }
    let secret: string;
    try {
      secret = decryptSecret(delivery.endpoint.secretEncrypted);
    } catch {
      const reason = "The signing secret cannot be decrypted (was ENCRYPTION_KEY changed?): rotate the secret.";
      await markDeliveryFailed(deliveryId, reason);
      throw new PermanentJobError(reason);
    }
    const outcome = await sendWebhook({
      url: delivery.endpoint.url,
      secret,
      id: delivery.id,
      body: serializeBody(delivery.payload),
    });
    const { succeeded } = await recordDeliveryAttempt({
      deliveryId,
      endpointId: delivery.endpoint.id,
      outcome,
      final: attempt >= maxAttempts,
    });
    if (!succeeded) throw new Error(outcome.error ?? `HTTP ${outcome.status}`);
    return { status: outcome.status };
  },
});

export const webhookDispatchJob = defineJob({
  name: "webhook_dispatch",
  queue: "webhooks",
  description: "Creates one delivery per endpoint subscribed to a domain event and queues each.",
  payload: BodySchema,
  attempts: 5,
  backoffMs: 10_000,
  handler: async (body, { eventId }) =>
    prisma.$transaction(async (tx) => {
      const endpoints = await tx.webhookEndpoint.findMany({
        where: { enabled: true, events: { has: body.type } },
        select: { id: true },
      });
      if (endpoints.length === 0) return { deliveries: 0 };
      const created = await tx.webhookDelivery.createManyAndReturn({
        data: endpoints.map((endpoint) => ({
          id: newDeliveryId(),
          endpointId: endpoint.id,
          eventId,
          eventType: body.type,
          payload: body as Prisma.InputJsonObject,
        })),
        skipDuplicates: true,
        select: { id: true },
      });
      for (const delivery of created) await enqueueJob(tx, webhookDeliverJob, { deliveryId: delivery.id });
      return { deliveries: created.length };
    }),
});

export const webhookJobs: JobDefinition[] = [webhookDispatchJob, webhookDeliverJob];
