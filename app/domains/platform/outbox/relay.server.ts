// Redis mode: move due outbox events onto their BullMQ queues. The BullMQ job id is the event id,
// so relaying the same event twice (a relay that died between adding and marking) adds nothing.
// When Redis is unreachable the events stay pending and are tried again shortly.
import { getQueue } from "~/infra/queue/queues.server";
import { isQueueName, type QueueName } from "~/infra/queue/names";
import { logger } from "~/infra/logger.server";
import { backoffBase, getJobDefinition } from "../jobs/registry.server";
import { claimDueEvents, errorText, markEvents, releaseEvents, UNKNOWN_JOB_RETRY_MS, type ClaimedEvent } from "./claim.server";

const LEASE_MS = 30_000;

/** Completed jobs are kept this long so a late duplicate relay is still recognised. */
const KEEP_COMPLETED_S = 7 * 24 * 3600;

export function jobOptions(eventId: string, name: string, priority = 0) {
  const job = getJobDefinition(name)!;
  return {
    jobId: eventId,
    attempts: job.attempts,
    backoff: { type: "exponential" as const, delay: backoffBase(job) },
    ...(priority > 0 ? { priority } : {}),
    removeOnComplete: { age: KEEP_COMPLETED_S, count: 50_000 },
    removeOnFail: false, // the failed set is the dead-letter list (see /admin/tasks)
  };
}

export async function relayBatch(limit = 200): Promise<number> {
  const events = await claimDueEvents({ limit, leaseMs: LEASE_MS });
  if (events.length === 0) return 0;
  const claim = events[0].claim;
  const byQueue = new Map<QueueName, ClaimedEvent[]>();
  for (const event of events) {
    if (!isQueueName(event.queue) || !getJobDefinition(event.name)) {
      // Written by a newer release than this process (a rolling deploy): leave it for one that knows it.
      logger.warn(
        { eventId: event.id, job: event.name, queue: event.queue },
        "outbox event for an unknown job: left for a newer process",
      );
      await releaseEvents(
        claim,
        [event.id],
        `no job named "${event.name}" on queue "${event.queue}" in this release`,
        UNKNOWN_JOB_RETRY_MS,
        {
          refund: true,
        },
      );
      continue;
    }
    byQueue.set(event.queue, [...(byQueue.get(event.queue) ?? []), event]);
  }
  for (const [queue, batch] of byQueue) {
    const ids = batch.map((event) => event.id);
    try {
      await getQueue(queue).addBulk(
        batch.map((event) => ({
          name: event.name,
          data: { eventId: event.id, payload: event.payload },
          opts: jobOptions(event.id, event.name, event.priority),
        })),
      );
      await markEvents(claim, ids, "relayed");
    } catch (error) {
      const attempts = Math.max(...batch.map((event) => event.attempts));
      const delay = Math.min(5_000, 250 * attempts);
      logger.warn({ err: error, queue, events: ids.length, retryInMs: delay }, "outbox relay could not reach the queue");
      await releaseEvents(claim, ids, errorText(error), delay);
    }
  }
  return events.length;
}
