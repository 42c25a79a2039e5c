// Publishing a domain event: one outbox row in the caller's transaction, so the event exists if
// and only if the change that caused it commits. `webhook_dispatch` later fans it out to the
// endpoints subscribed to its type; the outbox event id is the event's idempotency key.
import type { z } from "zod";
import type { Db, Tx } from "~/infra/db.server";
import { enqueueJob } from "../outbox/outbox.server";
import { WEBHOOK_EVENTS, type WebhookEventType } from "./catalog";
import { webhookDispatchJob } from "./webhook.jobs.server";

export async function emitDomainEvent<T extends WebhookEventType>(
  tx: Db | Tx,
  type: T,
  data: z.input<(typeof WEBHOOK_EVENTS)[T]["data"]>,
  { now = new Date() }: { now?: Date } = {},
): Promise<string> {
  const parsed = WEBHOOK_EVENTS[type].data.parse(data) as Record<string, unknown>;
  return enqueueJob(tx, webhookDispatchJob, { type, timestamp: now.toISOString(), data: parsed });
}
