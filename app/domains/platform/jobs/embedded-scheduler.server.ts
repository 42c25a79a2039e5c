// Embedded mode's cron: runs the repeatable jobs of schedules.server.ts through the outbox. The
// event id names the schedule and the minute, so two processes firing the same tick enqueue once.
import { CronExpressionParser } from "cron-parser";
import { prisma } from "~/infra/db.server";
import { logger } from "~/infra/logger.server";
import { enqueueJob } from "../outbox/outbox.server";
import { SCHEDULES, type Schedule } from "./schedules.server";

const MAX_TIMEOUT = 2 ** 31 - 1;

export function nextRunAt(pattern: string, from = new Date()): Date {
  return CronExpressionParser.parse(pattern, { currentDate: from, tz: "UTC" }).next().toDate();
}

export async function fireSchedule(schedule: Schedule, at: Date): Promise<void> {
  const id = `schedule-${schedule.id}-${at.toISOString().slice(0, 16)}`;
  try {
    await enqueueJob(prisma, schedule.job, schedule.payload, { id });
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error; // another process fired this tick
  }
}

export function startEmbeddedScheduler(signal: AbortSignal): void {
  for (const schedule of SCHEDULES) {
    const arm = () => {
      if (signal.aborted) return;
      const at = nextRunAt(schedule.pattern);
      const cancel = () => clearTimeout(timer);
      const timer = setTimeout(
        () => {
          signal.removeEventListener("abort", cancel);
          if (Date.now() < at.getTime()) return arm(); // a timeout longer than MAX_TIMEOUT: wait again
          fireSchedule(schedule, at)
            .catch((err: unknown) => logger.error({ err, schedule: schedule.id }, "could not enqueue a scheduled job"))
            .finally(arm);
        },
        Math.min(MAX_TIMEOUT, Math.max(0, at.getTime() - Date.now())),
      );
      timer.unref();
      signal.addEventListener("abort", cancel, { once: true });
    };
    arm();
  }
}
