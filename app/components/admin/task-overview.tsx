// /admin/tasks: jobs per queue and state, each count a link into the filtered job list. In Redis
// mode a last column counts the outbox events not yet handed to their queue.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RowHeader, Table, Td } from "~/components/ui/table";
import type { QueueOverview } from "~/domains/platform/jobs/task-backend";
import { TASK_STATES, taskListHref } from "~/domains/platform/jobs/task-query";

export function TaskOverviewTable({ queues, relay }: { queues: QueueOverview[]; relay: boolean }) {
  const { t } = useTranslation("tasks");
  const down = queues.some((queue) => queue.counts === null);
  const awaiting = queues.reduce((sum, queue) => sum + (queue.awaitingRelay ?? 0), 0);
  return (
    <div className="space-y-3">
      {down ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {t("overview.queueDown")}
        </p>
      ) : null}
      {relay && awaiting > 0 ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("overview.awaitingRelayNote", { count: awaiting })}
        </p>
      ) : null}
      <Table
        caption={t("overview.caption")}
        captionHidden
        columns={[
          { key: "queue", label: t("overview.queue") },
          ...TASK_STATES.map((state) => ({ key: state, label: t(`states.${state}`), align: "right" as const })),
          ...(relay ? [{ key: "relay", label: t("overview.awaitingRelay"), align: "right" as const }] : []),
        ]}
      >
        {queues.map(({ queue, counts, awaitingRelay }) => (
          <tr key={queue}>
            <RowHeader>
              <Link to={taskListHref({ queue })} className="text-brand-700 underline">
                {t(`queues.${queue}`)}
              </Link>
            </RowHeader>
            {TASK_STATES.map((state) => (
              <Td key={state} className="text-right tabular-nums">
                {counts === null ? (
                  <span className="text-slate-700">{t("overview.unreachable")}</span>
                ) : counts[state] === 0 ? (
                  "0"
                ) : (
                  <Link
                    to={taskListHref({ queue, state })}
                    aria-label={t("overview.countLink", {
                      count: counts[state],
                      state: t(`states.${state}`).toLowerCase(),
                      queue: t(`queues.${queue}`),
                    })}
                    className={state === "failed" ? "font-semibold text-red-800 underline" : "text-brand-700 underline"}
                  >
                    {counts[state]}
                  </Link>
                )}
              </Td>
            ))}
            {relay ? <Td className="text-right tabular-nums">{awaitingRelay ?? 0}</Td> : null}
          </tr>
        ))}
      </Table>
      <p className="flex gap-4 text-sm">
        <Link to={taskListHref({})} className="text-brand-700 underline">
          {t("overview.allJobs")}
        </Link>
        <Link to={taskListHref({ state: "failed" })} className="text-brand-700 underline">
          {t("overview.failedJobs")}
        </Link>
      </p>
    </div>
  );
}
