// The delivery log of an endpoint: a page of deliveries, one delivery with every attempt, and
// redelivery (the same delivery and webhook-id, sent again by a fresh job).
import { DomainError } from "~/domains/errors";
import { recordAudit } from "~/domains/platform/audit.server";
import { clampPage } from "~/domains/platform/list-query";
import { prisma } from "~/infra/db.server";
import { enqueueJob } from "../outbox/outbox.server";
import { serializeBody, webhookDeliverJob } from "./webhook.jobs.server";

export async function listWebhookDeliveries({
  endpointId,
  page: requested,
  pageSize,
}: {
  endpointId: string;
  page: number;
  pageSize: number;
}) {
  const total = await prisma.webhookDelivery.count({ where: { endpointId } });
  const page = clampPage(requested, total, pageSize);
  const items = await prisma.webhookDelivery.findMany({
    where: { endpointId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: { id: true, eventType: true, status: true, attempts: true, lastStatusCode: true, createdAt: true },
  });
  return { items, total, page, pageSize };
}

export async function getWebhookDelivery({ endpointId, deliveryId }: { endpointId: string; deliveryId: string }) {
  const delivery = await prisma.webhookDelivery.findFirst({
    where: { id: deliveryId, endpointId },
    select: {
      id: true,
      eventId: true,
      eventType: true,
      payload: true,
      status: true,
      attempts: true,
      lastStatusCode: true,
      lastError: true,
      createdAt: true,
      completedAt: true,
      attemptLog: {
        orderBy: [{ attemptedAt: "desc" }, { id: "desc" }],
        take: 50,
        select: {
          id: true,
          attemptedAt: true,
          requestHeaders: true,
          responseStatus: true,
          responseBody: true,
          error: true,
          durationMs: true,
        },
      },
    },
  });
  if (!delivery) return null;
  const { payload, attemptLog, ...rest } = delivery;
  return {
    ...rest,
    body: serializeBody(payload),
    attemptLog: attemptLog.map((attempt) => ({ ...attempt, requestHeaders: attempt.requestHeaders as Record<string, string> })),
  };
}

/**
 * Send a settled delivery again (same webhook-id, so receivers can recognise it). Only a
 * delivery that is not pending can be redelivered, so two jobs never send one delivery at once.
 */
export async function redeliverWebhook({
  actorId,
  ipAddress,
  endpointId,
  deliveryId,
}: {
  actorId: string;
  ipAddress: string | null;
  endpointId: string;
  deliveryId: string;
}) {
  return prisma.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findFirst({
      where: { id: deliveryId, endpointId },
      select: { status: true, endpoint: { select: { enabled: true } } },
    });
    if (!delivery) throw new DomainError("webhook.delivery-not-found", "No such delivery.");
    if (!delivery.endpoint.enabled) throw new DomainError("webhook.endpoint-disabled", "The endpoint is disabled.");
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, status: { in: ["succeeded", "failed"] } },
      data: { status: "pending", completedAt: null },
    });
    if (count === 0) throw new DomainError("webhook.delivery-pending", "This delivery is still being sent.");
    await enqueueJob(tx, webhookDeliverJob, { deliveryId });
    await recordAudit(
      {
        actorId,
        action: "webhook.delivery.redeliver",
        entityType: "webhook_endpoint",
        entityId: endpointId,
        before: { status: delivery.status },
        after: { deliveryId, status: "pending" },
        ipAddress,
      },
      tx,
    );
  });
}
