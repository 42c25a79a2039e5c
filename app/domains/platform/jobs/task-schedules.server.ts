// The repeatable jobs (schedules.server.ts) as /admin/tasks lists them, with their next run, and
// "run now". Redis mode reads the next run from the BullMQ job scheduler the worker registered;
// embedded mode computes it from the same cron pattern the web process fires on.
import { prisma } from "~/infra/db.server";
import { getQueue } from "~/infra/queue/queues.server";
import type { QueueName } from "~/infra/queue/names";
import { DomainError } from "~/domains/errors";
import { recordAudit } from "../audit.server";
import { enqueueJob } from "../outbox/outbox.server";
import { outboxMode } from "../outbox/processor.server";
import { nextRunAt } from "./embedded-scheduler.server";
import { SCHEDULES, type Schedule } from "./schedules.server";
import { RUN_KEY_PATTERN } from "./task-forms";

export type ScheduleStatus = {
  id: string;
  jobName: string;
  queue: QueueName;
  pattern: string;
  description: string;
  nextRunAt: Date;
  /** Redis mode: whether the worker has registered it (null: Redis could not be asked). Embedded: always true. */
  registered: boolean | null;
};

async function registeredNext(schedule: Schedule): Promise<{ next: Date | null; registered: boolean | null }> {
  try {
    const scheduler = await getQueue(schedule.job.queue).getJobScheduler(schedule.id);
    if (!scheduler) return { next: null, registered: false };
    return { next: scheduler.next ? new Date(scheduler.next) : null, registered: true };
  } catch {
    return { next: null, registered: null };
  }
}

export async function listSchedules(now = new Date()): Promise<ScheduleStatus[]> {
  const relay = outboxMode() === "relay";
  return Promise.all(
    SCHEDULES.map(async (schedule) => {
      const known = relay ? await registeredNext(schedule) : { next: null, registered: true };
      return {
        id: schedule.id,
        jobName: schedule.job.name,
        queue: schedule.job.queue,
        pattern: schedule.pattern,
        description: schedule.description,
        nextRunAt: known.next ?? nextRunAt(schedule.pattern, now),
        registered: known.registered,
      };
    }),
  );
}

function isUniqueViolation(error: unknown) {
  return (error as { code?: string }).code === "P2002";
}

/**
 * Enqueue a schedule's job now, through the outbox like any other job. `runKey` comes from the
 * form: submitting the same form twice enqueues once (`queued: false` the second time).
 */
export async function runScheduleNow({
  scheduleId,
  runKey,
  actorId,
  ipAddress,
}: {
  scheduleId: string;
  runKey: string;
  actorId: string;
  ipAddress?: string | null;
}): Promise<{ queued: boolean; jobName: string; eventId: string }> {
  const schedule = SCHEDULES.find((candidate) => candidate.id === scheduleId);
  if (!schedule) throw new DomainError("schedule_not_found", `no schedule "${scheduleId}"`);
  if (!RUN_KEY_PATTERN.test(runKey)) throw new DomainError("invalid_run_key", "malformed run key");
  const eventId = `run-now-${schedule.id}-${runKey}`;
  try {
    await prisma.$transaction(async (tx) => {
      await enqueueJob(tx, schedule.job, schedule.payload, { id: eventId });
      await recordAudit(
        {
          actorId,
          action: "task.run_now",
          entityType: "schedule",
          entityId: schedule.id,
          after: { job: schedule.job.name, queue: schedule.job.queue, eventId },
          ipAddress,
        },
        tx,
      );
    });
    return { queued: true, jobName: schedule.job.name, eventId };
  } catch (error) {
    if (isUniqueViolation(error)) return { queued: false, jobName: schedule.job.name, eventId };
    throw error;
  }
}
