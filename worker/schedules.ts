// Registers the repeatable jobs of app/domains/platform/jobs/schedules.server.ts as BullMQ job
// schedulers, and removes schedulers that are no longer defined in code.
import { SCHEDULES } from "../app/domains/platform/jobs/schedules.server";
import { backoffBase } from "../app/domains/platform/jobs/registry.server";
import { logger } from "../app/infra/logger.server";
import { QUEUE_NAMES } from "../app/infra/queue/names";
import { getQueue } from "../app/infra/queue/queues.server";

export async function syncJobSchedulers(): Promise<void> {
  for (const schedule of SCHEDULES) {
    await getQueue(schedule.job.queue).upsertJobScheduler(
      schedule.id,
      { pattern: schedule.pattern, tz: "UTC" },
      {
        name: schedule.job.name,
        data: { payload: schedule.payload },
        opts: {
          attempts: schedule.job.attempts,
          backoff: { type: "exponential", delay: backoffBase(schedule.job) },
          removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
          removeOnFail: false,
        },
      },
    );
  }
  const wanted = new Set(SCHEDULES.map((schedule) => schedule.id));
  for (const queue of QUEUE_NAMES) {
    for (const scheduler of await getQueue(queue).getJobSchedulers()) {
      if (scheduler.key && !wanted.has(scheduler.key)) {
        await getQueue(queue).removeJobScheduler(scheduler.key);
        logger.info({ queue, scheduler: scheduler.key }, "removed a job scheduler no longer defined in code");
      }
    }
  }
}
