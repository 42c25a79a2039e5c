// Form schemas of /admin/tasks, shared by the browser (conform) and the actions (parseWithZod).
// Messages come from the caller's `t`, so both sides speak the viewer's language.
import { z } from "zod";

type Translate = (key: string) => string;

/** Discarding deletes a job for good: the person ticks a box to confirm it. */
export function createDiscardTaskSchema(t: Translate) {
  return z.object({
    confirm: z.literal("on", { errorMap: () => ({ message: t("tasks:errors.confirmRequired") }) }),
  });
}

/** A run-now request key: one per rendered form, so submitting that form twice enqueues once. */
export const RUN_KEY_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** "Run now" carries the schedule id and the form's one-time key (see runScheduleNow). */
export const RunScheduleSchema = z.object({
  scheduleId: z.string().trim().min(1).max(80),
  runKey: z.string().regex(RUN_KEY_PATTERN),
});
