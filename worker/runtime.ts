// The BullMQ side of the worker: one Worker per queue running the registered job definitions.
// Also used by tests and benchmarks to run a worker inside their own process.
import { DelayedError, UnrecoverableError, Worker, type Job } from "bullmq";
import { UNKNOWN_JOB_RETRY_MS } from "../app/domains/platform/outbox/claim.server";
import { PermanentJobError } from "../app/domains/platform/jobs/errors";
import { getJobDefinition } from "../app/domains/platform/jobs/registry.server";
import { runJob } from "../app/domains/platform/jobs/run-job.server";
import { getEnv } from "../app/infra/env.server";
import { logger } from "../app/infra/logger.server";
import { QUEUE_NAMES, type QueueName } from "../app/infra/queue/names";
import { createQueueConnection, queuePrefix } from "../app/infra/queue/queues.server";

export type JobData = { eventId?: string; payload: unknown };

export type QueueWorkers = {
  workers: Worker[];
  /** Stop taking jobs and wait for the running ones; after `graceMs` they are left to expire and be retried elsewhere. */
  close: (graceMs?: number) => Promise<void>;
};

export function startQueueWorkers({
  queues = QUEUE_NAMES,
  concurrency = getEnv().WORKER_CONCURRENCY,
  lockMs = getEnv().WORKER_LOCK_MS,
}: {
  queues?: readonly QueueName[];
  concurrency?: Partial<Record<QueueName, number>>;
  lockMs?: number;
} = {}): QueueWorkers {
  const shutdown = new AbortController();

  const processor = async (job: Job<JobData>, token?: string) => {
    const definition = getJobDefinition(job.name);
    if (!definition) {
      // Added by a newer release (a rolling deploy): wait for a worker that knows it, attempts untouched.
      logger.warn({ job: job.name, jobId: job.id }, "job unknown to this release: delayed for a newer worker");
      await job.moveToDelayed(Date.now() + UNKNOWN_JOB_RETRY_MS, token);
      throw new DelayedError();
    }
    try {
      return await runJob(definition, {
        // Jobs from the outbox carry their event id; scheduler runs use their own job id.
        eventId: job.data.eventId ?? String(job.id),
        payload: job.data.payload,
        attempt: job.attemptsMade + 1,
        maxAttempts: job.opts.attempts ?? 1,
        signal: shutdown.signal,
      });
    } catch (error) {
      if (error instanceof PermanentJobError) throw new UnrecoverableError(error.message);
      throw error;
    }
  };

  const workers = queues.map((queue) => {
    const worker = new Worker<JobData>(queue, processor, {
      connection: createQueueConnection("worker"),
      prefix: queuePrefix(),
      concurrency: concurrency[queue] ?? 1,
      lockDuration: lockMs,
      stalledInterval: Math.max(1000, Math.floor(lockMs / 2)),
      maxStalledCount: 3,
    });
    worker.on("error", (err) => logger.error({ err, queue }, "queue worker error"));
    return worker;
  });

  return {
    workers,
    close: async (graceMs = 25_000) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), graceMs);
      });
      // Running jobs get the whole grace period to finish; only then are long ones told to stop
      // at a safe point (their jobs are taken over by another worker once the lock expires).
      const closed = Promise.all(workers.map((worker) => worker.close())).then(() => "closed" as const);
      if ((await Promise.race([closed, timeout])) === "timeout") {
        logger.warn("jobs still running after the grace period: leaving them to be retried");
        shutdown.abort();
        await Promise.all(workers.map((worker) => worker.close(true)));
      }
      clearTimeout(timer);
    },
  };
}
