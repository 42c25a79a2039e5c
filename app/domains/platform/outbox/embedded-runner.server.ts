// Embedded mode (no REDIS_URL): the process runs due outbox events itself through the same job
// handlers the worker uses, with the same retry policy. After the last attempt an event is
// marked `dead` with its error (the dead-letter list of this mode, shown in /admin/tasks).
import { backoffDelay } from "../jobs/define";
import { PermanentJobError } from "../jobs/errors";
import { backoffBase, getJobDefinition } from "../jobs/registry.server";
import { runJob } from "../jobs/run-job.server";
import { claimDueEvents, errorText, markDead, markEvents, releaseEvents } from "./claim.server";

/** A handler running longer than this is presumed dead and its event is run again. */
const LEASE_MS = 10 * 60_000;

export async function runDueEvents({
  queue,
  limit = 10,
  signal = new AbortController().signal,
}: {
  queue?: string;
  limit?: number;
  signal?: AbortSignal;
} = {}): Promise<number> {
  const events = await claimDueEvents({ limit, leaseMs: LEASE_MS, queue });
  for (const event of events) {
    const job = getJobDefinition(event.name);
    if (!job) {
      await markDead(event.id, `no job named "${event.name}"`);
      continue;
    }
    try {
      await runJob(job, {
        eventId: event.id,
        payload: event.payload,
        attempt: event.attempts,
        maxAttempts: job.attempts,
        signal,
      });
      await markEvents([event.id], "done");
    } catch (error) {
      if (error instanceof PermanentJobError || event.attempts >= job.attempts) await markDead(event.id, errorText(error));
      else await releaseEvents([event.id], errorText(error), backoffDelay(backoffBase(job), event.attempts));
    }
  }
  return events.length;
}
