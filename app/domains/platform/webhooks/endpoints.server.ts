// Webhook endpoints as administrators manage them: register (the signing secret is returned once
// and stored encrypted), edit, switch off and on, rotate the secret, delete, send a test event.
// Each change locks the endpoint's row and writes its audit row in the same transaction.
import { randomUUID } from "node:crypto";
import { DomainError } from "~/domains/errors";
import type { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/domains/platform/audit.server";
import { clampPage } from "~/domains/platform/list-query";
import { encryptSecret } from "~/infra/crypto.server";
import { prisma, type Tx } from "~/infra/db.server";
import { enqueueJob } from "../outbox/outbox.server";
import { TEST_EVENT_TYPE, type WebhookEventType } from "./catalog";
import { generateWebhookSecret, newDeliveryId } from "./signature.server";
import { checkWebhookUrl } from "./url-guard.server";
import { webhookDeliverJob } from "./webhook.jobs.server";

type Actor = { actorId: string; ipAddress: string | null };
type EndpointInput = { url: string; description: string; events: WebhookEventType[] };

const ENTITY = "webhook_endpoint";

const endpointSelect = {
  id: true,
  url: true,
  description: true,
  events: true,
  enabled: true,
  disabledAt: true,
  disabledReason: true,
  consecutiveFailures: true,
  createdAt: true,
  updatedAt: true,
} as const;

export async function listWebhookEndpoints({ page: requested, pageSize }: { page: number; pageSize: number }) {
  const total = await prisma.webhookEndpoint.count();
  const page = clampPage(requested, total, pageSize);
  const rows = await prisma.webhookEndpoint.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      ...endpointSelect,
      deliveries: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { status: true, lastStatusCode: true, createdAt: true },
      },
    },
  });
  return {
    items: rows.map(({ deliveries, ...endpoint }) => ({ ...endpoint, lastDelivery: deliveries[0] ?? null })),
    total,
    page,
    pageSize,
  };
}

export async function getWebhookEndpoint({ endpointId }: { endpointId: string }) {
  return prisma.webhookEndpoint.findUnique({ where: { id: endpointId }, select: endpointSelect });
}

async function lockEndpoint(tx: Tx, endpointId: string) {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "WebhookEndpoint" WHERE "id" = ${endpointId} FOR UPDATE`;
  if (rows.length === 0) throw new DomainError("webhook.endpoint-not-found", "No such webhook endpoint.");
  return tx.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId }, select: endpointSelect });
}

/** Register an endpoint; the plain secret is in the answer and nowhere else. */
export async function createWebhookEndpoint({ actorId, ipAddress, url, description, events }: Actor & EndpointInput) {
  const checked = await checkWebhookUrl(url);
  const secret = generateWebhookSecret();
  const endpoint = await prisma.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: {
        url: checked.url.toString(),
        description,
        events: [...new Set(events)].sort(),
        secretEncrypted: encryptSecret(secret),
        createdById: actorId,
      },
      select: endpointSelect,
    });
    await recordAudit(
      {
        actorId,
        action: "webhook.endpoint.create",
        entityType: ENTITY,
        entityId: created.id,
        after: { url: created.url, description, events: created.events },
        ipAddress,
      },
      tx,
    );
    return created;
  });
  return { endpoint, secret };
}

export async function updateWebhookEndpoint({
  actorId,
  ipAddress,
  endpointId,
  url,
  description,
  events,
}: Actor & EndpointInput & { endpointId: string }) {
  const checked = await checkWebhookUrl(url);
  const wanted = { url: checked.url.toString(), description, events: [...new Set(events)].sort() };
  return prisma.$transaction(async (tx) => {
    const current = await lockEndpoint(tx, endpointId);
    const before: Record<string, Prisma.InputJsonValue> = {};
    const after: Record<string, string | string[]> = {};
    for (const key of ["url", "description", "events"] as const) {
      if (JSON.stringify(current[key]) !== JSON.stringify(wanted[key])) {
        before[key] = current[key];
        after[key] = wanted[key];
      }
    }
    if (Object.keys(after).length === 0) return { changed: false };
    await tx.webhookEndpoint.update({ where: { id: endpointId }, data: after, select: { id: true } });
    await recordAudit(
      { actorId, action: "webhook.endpoint.update", entityType: ENTITY, entityId: endpointId, before, after, ipAddress },
      tx,
    );
    return { changed: true };
  });
}

/** Switch an endpoint off or back on; switching on forgets the run of failures and the reason. */
export async function setWebhookEndpointEnabled({
  actorId,
  ipAddress,
  endpointId,
  enabled,
}: Actor & { endpointId: string; enabled: boolean }) {
  return prisma.$transaction(async (tx) => {
    const current = await lockEndpoint(tx, endpointId);
    if (current.enabled === enabled) return { changed: false };
    await tx.webhookEndpoint.update({
      where: { id: endpointId },
      data: enabled
        ? { enabled: true, disabledAt: null, disabledReason: null, consecutiveFailures: 0 }
        : { enabled: false, disabledAt: new Date(), disabledReason: null },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId,
        action: enabled ? "webhook.endpoint.enable" : "webhook.endpoint.disable",
        entityType: ENTITY,
        entityId: endpointId,
        before: { enabled: current.enabled, ...(enabled ? { disabledReason: current.disabledReason } : {}) },
        after: { enabled },
        ipAddress,
      },
      tx,
    );
    return { changed: true };
  });
}

/** A new signing secret, in effect for every delivery attempt from now on; returned once. */
export async function rotateWebhookSecret({ actorId, ipAddress, endpointId }: Actor & { endpointId: string }) {
  const secret = generateWebhookSecret();
  await prisma.$transaction(async (tx) => {
    await lockEndpoint(tx, endpointId);
    await tx.webhookEndpoint.update({
      where: { id: endpointId },
      data: { secretEncrypted: encryptSecret(secret) },
      select: { id: true },
    });
    await recordAudit(
      { actorId, action: "webhook.endpoint.rotate_secret", entityType: ENTITY, entityId: endpointId, ipAddress },
      tx,
    );
  });
  return { secret };
}

/** Delete the endpoint with its deliveries and attempts; pending jobs find nothing and stop. */
export async function deleteWebhookEndpoint({ actorId, ipAddress, endpointId }: Actor & { endpointId: string }) {
  return prisma.$transaction(async (tx) => {
    const current = await lockEndpoint(tx, endpointId);
    await tx.webhookEndpoint.delete({ where: { id: endpointId }, select: { id: true } });
    await recordAudit(
      {
        actorId,
        action: "webhook.endpoint.delete",
        entityType: ENTITY,
        entityId: endpointId,
        before: { url: current.url, description: current.description, events: current.events },
        ipAddress,
      },
      tx,
    );
  });
}

/** Queue a `webhook.test` ping to this endpoint alone (it need not subscribe to anything). */
export async function sendWebhookTestEvent({ actorId, ipAddress, endpointId }: Actor & { endpointId: string }) {
  return prisma.$transaction(async (tx) => {
    const current = await lockEndpoint(tx, endpointId);
    if (!current.enabled) throw new DomainError("webhook.endpoint-disabled", "The endpoint is disabled.");
    const id = newDeliveryId();
    const timestamp = new Date().toISOString();
    await tx.webhookDelivery.create({
      data: {
        id,
        endpointId,
        eventId: `test_${randomUUID()}`,
        eventType: TEST_EVENT_TYPE,
        payload: { type: TEST_EVENT_TYPE, timestamp, data: { endpointId, message: "Test event sent from Verso." } },
      },
      select: { id: true },
    });
    await enqueueJob(tx, webhookDeliverJob, { deliveryId: id });
    await recordAudit(
      {
        actorId,
        action: "webhook.endpoint.test",
        entityType: ENTITY,
        entityId: endpointId,
        after: { deliveryId: id },
        ipAddress,
      },
      tx,
    );
    return { deliveryId: id };
  });
}
