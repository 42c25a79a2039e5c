// The job list: a GET filter form (queue, state, job name) and the table, each job linking to its page.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectFilter } from "~/components/ui/select-filter";
import { Table, Td } from "~/components/ui/table";
import { QUEUE_NAMES } from "~/infra/queue/names";
import { TASK_STATES, type TaskListQuery, type TaskState } from "~/domains/platform/jobs/task-query";
import { TaskStateBadge } from "./task-state";
import { useFormatDateTime } from "./use-format-date";
import { FilterForm } from "~/components/ui/filter-form";

export function taskHref(queue: string, id: string) {
  return `/admin/tasks/${encodeURIComponent(queue)}/${encodeURIComponent(id)}`;
}

export function TaskFilters({ query, jobNames }: { query: TaskListQuery; jobNames: string[] }) {
  const { t } = useTranslation("tasks");
  const any = { value: "", label: t("list.filters.any") };
  return (
    <FilterForm
      action="/admin/tasks/jobs"
      label={t("list.filters.label")}
      applyLabel={t("list.filters.apply")}
      clearLabel={t("list.filters.clear")}
    >
      <SelectFilter
        label={t("list.filters.queue")}
        name="queue"
        defaultValue={query.queue}
        options={[any, ...QUEUE_NAMES.map((queue) => ({ value: queue, label: t(`queues.${queue}`) }))]}
      />
      <SelectFilter
        label={t("list.filters.state")}
        name="state"
        defaultValue={query.state}
        options={[any, ...TASK_STATES.map((state) => ({ value: state, label: t(`states.${state}`) }))]}
      />
      <SelectFilter
        label={t("list.filters.name")}
        name="name"
        defaultValue={query.name}
        options={[any, ...jobNames.map((name) => ({ value: name, label: name }))]}
      />
    </FilterForm>
  );
}

type Row = {
  id: string;
  queue: string;
  name: string;
  state: TaskState;
  attemptsMade: number;
  maxAttempts: number | null;
  createdAt: Date | string;
  finishedAt: Date | string | null;
  failedReason: string | null;
};

export function TaskTable({ rows }: { rows: Row[] }) {
  const { t } = useTranslation("tasks");
  const formatDate = useFormatDateTime();
  return (
    <Table
      caption={t("list.caption")}
      columns={[
        { key: "id", label: t("list.columns.id") },
        { key: "name", label: t("list.columns.name") },
        { key: "queue", label: t("list.columns.queue") },
        { key: "state", label: t("list.columns.state") },
        { key: "attempts", label: t("list.columns.attempts") },
        { key: "created", label: t("list.columns.created") },
        { key: "finished", label: t("list.columns.finished") },
        { key: "error", label: t("list.columns.error") },
      ]}
      empty={rows.length === 0 ? t("list.empty") : undefined}
    >
      {rows.map((row) => (
        <tr key={`${row.queue}/${row.id}`}>
          <Td className="max-w-[14rem] truncate font-mono">
            <Link to={taskHref(row.queue, row.id)} className="text-brand-700 underline">
              {row.id}
            </Link>
          </Td>
          <Td className="font-mono">{row.name}</Td>
          <Td>{t(`queues.${row.queue}`, { defaultValue: row.queue })}</Td>
          <Td>
            <TaskStateBadge state={row.state} />
          </Td>
          <Td className="whitespace-nowrap">
            {row.maxAttempts === null ? row.attemptsMade : t("list.attempts", { made: row.attemptsMade, max: row.maxAttempts })}
          </Td>
          <Td className="whitespace-nowrap">{formatDate(row.createdAt)}</Td>
          <Td className="whitespace-nowrap">{formatDate(row.finishedAt)}</Td>
          <Td className="max-w-xs break-words text-red-800">{row.failedReason ?? ""}</Td>
        </tr>
      ))}
    </Table>
  );
}
