// The transactional outbox: a side effect is recorded as an OutboxEvent in the same transaction as
// the change that causes it, so it happens if and only if that change commits. The relay (Redis) or
// the embedded runner (no Redis) carries it out later; see processor.server.ts.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Db, Tx } from "~/infra/db.server";
import type { JobDefinition } from "../jobs/define";
import { signalOutbox } from "./signal";

export type EnqueueOptions = {
  /** Do not run before this many milliseconds have passed. */
  delayMs?: number;
  /** A caller-chosen event id; a second enqueue with the same id fails (unique key). */
  id?: string;
  /** 0 (default) runs first; higher numbers wait behind it on the same queue (bulk mail). */
  priority?: number;
};

/** The priority of bulk work (marketing mail) behind everything a person is waiting for. */
export const BULK_PRIORITY = 10;

/**
 * Record a job to run once the surrounding transaction commits. Pass the transaction client
 * (`tx`) when the job belongs to a business change; the payload is validated now, so a bad
 * payload fails the action that wrote it rather than a job hours later.
 */
export async function enqueueJob<S extends z.ZodTypeAny>(
  db: Db | Tx,
  job: JobDefinition<S>,
  payload: z.input<S>,
  options: EnqueueOptions = {},
): Promise<string> {
  const data = job.payload.parse(payload) as object;
  const id = options.id ?? randomUUID();
  await db.outboxEvent.create({
    data: {
      id,
      queue: job.queue,
      name: job.name,
      payload: data,
      priority: options.priority ?? 0,
      ...(options.delayMs ? { availableAt: new Date(Date.now() + options.delayMs) } : {}),
    },
    select: { id: true },
  });
  // Inside a transaction the row is not visible yet; the processor retries shortly after a signal.
  signalOutbox();
  return id;
}
