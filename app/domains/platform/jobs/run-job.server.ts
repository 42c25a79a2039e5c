// Runs one job through its definition: validate the payload, call the handler, log the outcome.
// The BullMQ worker and the embedded outbox runner both come through here.
import { logger } from "~/infra/logger.server";
import type { JobDefinition } from "./define";
import { PermanentJobError } from "./errors";

export type JobRun = { eventId: string; payload: unknown; attempt: number; maxAttempts: number; signal: AbortSignal };

export async function runJob(job: JobDefinition, run: JobRun): Promise<unknown> {
  const parsed = job.payload.safeParse(run.payload);
  if (!parsed.success) {
    throw new PermanentJobError(
      `invalid payload for ${job.name}: ${parsed.error.issues.map((i: { path: (string | number)[]; message: string }) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
    );
  }
  const log = logger.child({ job: job.name, queue: job.queue, eventId: run.eventId, attempt: run.attempt });
  const started = performance.now();
  try {
    const result = await job.handler(parsed.data, {
      eventId: run.eventId,
      attempt: run.attempt,
      maxAttempts: run.maxAttempts,
      signal: run.signal,
    });
    log.info({ ms: Math.round(performance.now() - started) }, "job completed");
    return result;
  } catch (error) {
    const last = error instanceof PermanentJobError || run.attempt >= run.maxAttempts;
    log[last ? "error" : "info"](
      { err: error, ms: Math.round(performance.now() - started), final: last },
      last ? "job failed for the last time: dead-lettered" : "job failed: will retry",
    );
    throw error;
  }
}
