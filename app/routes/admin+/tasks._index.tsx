// /admin/tasks: jobs per queue and state, the workers, and the repeatable jobs with "Run now".
// Viewing needs read:task:any; running a schedule needs update:task:any.
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { randomUUID } from "node:crypto";
import { useTranslation } from "react-i18next";
import { ActionMessage, PageHeader, Section } from "~/components/admin/page-header";
import { TaskOverviewTable } from "~/components/admin/task-overview";
import { TaskSchedules } from "~/components/admin/task-schedules";
import { TaskWorkers } from "~/components/admin/task-workers";
import { isDomainError } from "~/domains/errors";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { taskOverview } from "~/domains/platform/jobs/task-admin.server";
import { RunScheduleSchema } from "~/domains/platform/jobs/task-forms";
import { listSchedules, runScheduleNow } from "~/domains/platform/jobs/task-schedules.server";
import { listWorkers } from "~/domains/platform/jobs/task-workers.server";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";
import { i18n } from "~/infra/i18n.server";

export const handle = { i18n: ["tasks"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Verso` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readTaskAny);
  const [t, overview, workers, schedules] = await Promise.all([
    i18n.getFixedT(request, "tasks"),
    taskOverview(),
    listWorkers(),
    listSchedules(),
  ]);
  return data(
    {
      title: t("title"),
      mode: overview.mode,
      queues: overview.queues,
      workers: workers.workers,
      schedules,
      canUpdate: userCan(viewer, PERMISSIONS.updateTaskAny),
      // one key per rendered page: submitting the same "Run now" form twice enqueues once
      runKey: randomUUID(),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, PERMISSIONS.updateTaskAny);
  const formData = await parseFormWithCsrf(request);
  const t = await i18n.getFixedT(request, "tasks");
  if (formData.get("intent") !== "runNow") throw new Response("Unknown intent", { status: 400 });
  const submission = parseWithZod(formData, { schema: RunScheduleSchema });
  if (submission.status !== "success") return data({ message: t("errors.badRequest") }, { status: 400 });
  try {
    const run = await runScheduleNow({ ...submission.value, actorId: actor.id, ipAddress: context.clientIp ?? null });
    return redirectWithToast(
      request,
      "/admin/tasks",
      run.queued
        ? { kind: "success", message: t("toast.runQueued", { job: run.jobName }) }
        : { kind: "info", message: t("toast.runAlreadyQueued", { job: run.jobName }) },
    );
  } catch (error) {
    if (isDomainError(error, "schedule_not_found")) return data({ message: t("errors.scheduleNotFound") }, { status: 404 });
    if (isDomainError(error, "invalid_run_key")) return data({ message: t("errors.badRequest") }, { status: 400 });
    throw error;
  }
}

export default function AdminTasks() {
  const { mode, queues, workers, schedules, canUpdate, runKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("tasks");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={t("lead")} />
      <p className="text-sm text-slate-700">{t(`mode.${mode}`)}</p>
      <Section title={t("overview.title")} id="queues-title">
        <TaskOverviewTable queues={queues} relay={mode === "relay"} />
      </Section>
      <Section title={t("workers.title")} id="workers-title">
        <TaskWorkers mode={mode} workers={workers} />
      </Section>
      <Section title={t("schedules.title")} id="schedules-title">
        <ActionMessage message={actionData?.message} />
        <TaskSchedules schedules={schedules} canRun={canUpdate} runKey={runKey} />
      </Section>
    </div>
  );
}
