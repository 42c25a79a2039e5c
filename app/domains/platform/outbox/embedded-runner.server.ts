// Embedded mode (no REDIS_URL): the process runs due outbox events itself through the same job
// handlers the worker uses, with the same retry policy. After the last attempt an event is
// marked `dead` with its error (the dead-letter list of this mode, shown in /admin/tasks).
import { backoffDelay } from "../jobs/define";
import { PermanentJobError } from "../jobs/errors";
import { backoffBase, getJobDefinition } from "../jobs/registry.server";
import { runJob } from "../jobs/run-job.server";
import { logger } from "~/infra/logger.server";
import {
  claimDueEvents,
  errorText,
  markDead,
  markEvents,
  releaseEvents,
  UNKNOWN_JOB_RETRY_MS,
  type ClaimedEvent,
} from "./claim.server";

/** A handler running longer than this is presumed dead and its event is run again. */
const LEASE_MS = 10 * 60_000;

/**
 * Run up to `limit` due events, claiming them one at a time (so no claimed event waits behind
 * another while its lease runs out). Stops early when `signal` is aborted (shutdown).
 */
export async function runDueEvents({
  queue,
  limit = 10,
  signal = new AbortController().signal,
}: {
  queue?: string;
  limit?: number;
  signal?: AbortSignal;
} = {}): Promise<number> {
  let processed = 0;
  while (processed < limit && !signal.aborted) {
    const [event] = await claimDueEvents({ limit: 1, leaseMs: LEASE_MS, queue });
    if (!event) break;
    processed += 1;
    await runClaimed(event, signal);
  }
  return processed;
}

async function runClaimed(event: ClaimedEvent, signal: AbortSignal): Promise<void> {
  const job = getJobDefinition(event.name);
  if (!job) {
    logger.warn({ eventId: event.id, job: event.name }, "outbox event for an unknown job: left for a newer process");
    await releaseEvents(event.claim, [event.id], `no job named "${event.name}" in this release`, UNKNOWN_JOB_RETRY_MS, {
      refund: true,
    });
    return;
  }
  if (event.attempts > job.attempts) {
    // Its last attempt was claimed but never reported back: the process running it died.
    await markDead(event.claim, event.id, "gave up: the process running its last attempt stopped before it finished");
    return;
  }
  let failure: unknown;
  try {
    await runJob(job, { eventId: event.id, payload: event.payload, attempt: event.attempts, maxAttempts: job.attempts, signal });
  } catch (error) {
    failure = error ?? new Error("job failed");
  }
  if (failure === undefined) await markEvents(event.claim, [event.id], "done");
  else if (signal.aborted && !(failure instanceof PermanentJobError)) {
    // Interrupted by shutdown: not the job's fault, so the attempt does not count.
    await releaseEvents(event.claim, [event.id], errorText(failure), 0, { refund: true });
  } else if (failure instanceof PermanentJobError || event.attempts >= job.attempts) {
    await markDead(event.claim, event.id, errorText(failure));
  } else {
    await releaseEvents(event.claim, [event.id], errorText(failure), backoffDelay(backoffBase(job), event.attempts));
  }
}
