// /admin/tasks/jobs: every job, filtered by queue, state and job name (query strings), paged.
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActionMessage, PageHeader } from "~/components/admin/page-header";
import { TaskFilters, TaskTable } from "~/components/admin/task-list";
import { Pagination } from "~/components/ui/pagination";
import { isDomainError } from "~/domains/errors";
import { requirePermission } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { allJobDefinitions } from "~/domains/platform/jobs/registry.server";
import { listTasks } from "~/domains/platform/jobs/task-admin.server";
import { parseTaskListQuery, TASK_PAGE_SIZE } from "~/domains/platform/jobs/task-query";
import { i18n } from "~/infra/i18n.server";

export const handle = { i18n: ["tasks"], breadcrumb: "tasks:list.title" };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Verso` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, PERMISSIONS.readTaskAny);
  const query = parseTaskListQuery(new URL(request.url).searchParams);
  const t = await i18n.getFixedT(request, "tasks");
  const jobNames = allJobDefinitions()
    .map((job) => job.name)
    .sort();
  const base = { title: t("list.title"), jobNames, unavailable: false };
  try {
    const list = await listTasks(query);
    return data(
      {
        ...base,
        query: { ...query, page: list.page },
        items: list.items,
        total: list.total,
        pageSize: list.pageSize,
        scanLimit: list.scanLimit,
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    if (!isDomainError(error, "queue_unavailable")) throw error;
    return data(
      { ...base, unavailable: true, query, items: [], total: 0, pageSize: TASK_PAGE_SIZE, scanLimit: null },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}

export default function AdminTaskList() {
  const { query, items, total, pageSize, scanLimit, jobNames, unavailable } = useLoaderData<typeof loader>();
  const { t } = useTranslation("tasks");
  return (
    <div className="space-y-4">
      <PageHeader title={t("list.title")} lead={t("list.lead", { count: total })} />
      <TaskFilters query={query} jobNames={jobNames} />
      <ActionMessage message={unavailable ? t("errors.unavailable") : null} />
      {scanLimit ? <p className="text-sm text-slate-700">{t("list.scanLimit", { count: scanLimit })}</p> : null}
      <TaskTable rows={items} />
      <Pagination page={query.page} pageSize={pageSize} total={total} />
    </div>
  );
}
