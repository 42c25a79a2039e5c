// A job's state as a labelled badge (the text carries the meaning; the colour only repeats it).
import { useTranslation } from "react-i18next";
import type { TaskState } from "~/domains/platform/jobs/task-query";
import { cn } from "~/utils/cn";

const tone: Record<TaskState, string> = {
  failed: "border-red-300 bg-red-50 text-red-800",
  active: "border-sky-300 bg-sky-50 text-sky-900",
  waiting: "border-slate-300 bg-slate-50 text-slate-800",
  delayed: "border-amber-300 bg-amber-50 text-amber-900",
  completed: "border-emerald-300 bg-emerald-50 text-emerald-900",
};

export function TaskStateBadge({ state }: { state: TaskState }) {
  const { t } = useTranslation("tasks");
  return (
    <span className={cn("inline-block rounded border px-2 py-0.5 text-xs font-medium", tone[state])}>{t(`states.${state}`)}</span>
  );
}
