// /admin/tasks/:queue/:jobId — one job: state, attempts, times, redacted payload, error and stack.
// Viewing needs read:task:any; Retry and Discard (failed jobs only) need update:task:any.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActionMessage, PageHeader, Section } from "~/components/admin/page-header";
import { TaskActions, TaskData, TaskError, TaskFacts } from "~/components/admin/task-detail";
import { isDomainError } from "~/domains/errors";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { discardTask, getTask, retryTask } from "~/domains/platform/jobs/task-admin.server";
import type { TaskChange } from "~/domains/platform/jobs/task-backend";
import { createDiscardTaskSchema } from "~/domains/platform/jobs/task-forms";
import { taskListHref } from "~/domains/platform/jobs/task-query";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";
import { i18n } from "~/infra/i18n.server";
import { isQueueName, type QueueName } from "~/infra/queue/names";

export const handle = {
  i18n: ["tasks"],
  breadcrumb: (loaderData: unknown) => (loaderData as { task?: { name: string } } | undefined)?.task?.name ?? "…",
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.task?.name ?? ""} · Verso` }];

function notFound() {
  return new Response("Not found", { status: 404 });
}

/** The route's job address, or 404 for a queue that does not exist or an absurd id. */
function jobAddress(params: LoaderFunctionArgs["params"]): { queue: QueueName; id: string } {
  const queue = params.queue ?? "";
  const id = params.jobId ?? "";
  if (!isQueueName(queue) || id.length === 0 || id.length > 200) throw notFound();
  return { queue, id };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readTaskAny);
  const { queue, id } = jobAddress(params);
  const headers = { "Cache-Control": "no-store" };
  try {
    const task = await getTask(queue, id);
    if (!task) throw notFound();
    return data({ task, unavailable: false, canUpdate: userCan(viewer, PERMISSIONS.updateTaskAny) }, { headers });
  } catch (error) {
    if (!isDomainError(error, "queue_unavailable")) throw error;
    return data({ task: null, unavailable: true, canUpdate: false }, { status: 503, headers });
  }
}

type ActionData = { result?: SubmissionResult<string[]> };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, PERMISSIONS.updateTaskAny);
  const formData = await parseFormWithCsrf(request);
  const { queue, id } = jobAddress(params);
  const t = await i18n.getFixedT(request, "tasks");
  const intent = formData.get("intent");
  if (intent !== "retry" && intent !== "discard") throw new Response("Unknown intent", { status: 400 });
  if (intent === "discard") {
    const submission = parseWithZod(formData, { schema: createDiscardTaskSchema(t) });
    if (submission.status !== "success") return data<ActionData>({ result: submission.reply() }, { status: 400 });
  }
  const input = { actorId: actor.id, queue, id, ipAddress: context.clientIp ?? null };
  const here = `/admin/tasks/${encodeURIComponent(queue)}/${encodeURIComponent(id)}`;
  let change: TaskChange;
  try {
    change = intent === "retry" ? await retryTask(input) : await discardTask(input);
  } catch (error) {
    if (!isDomainError(error, "queue_unavailable")) throw error;
    return redirectWithToast(request, here, { kind: "error", message: t("toast.unavailable") });
  }
  switch (change) {
    case "done":
      return intent === "retry"
        ? redirectWithToast(request, here, { kind: "success", message: t("toast.retried", { id }) })
        : redirectWithToast(request, taskListHref({ queue, state: "failed" }), {
            kind: "success",
            message: t("toast.discarded", { id }),
          });
    case "missing":
      return redirectWithToast(request, taskListHref({ queue }), { kind: "info", message: t("toast.missing") });
    case "busy":
      return redirectWithToast(request, here, { kind: "error", message: t("toast.busy") });
    case "not_failed":
      return redirectWithToast(request, here, { kind: "info", message: t("toast.notFailed") });
  }
}

export default function AdminTask() {
  const { task, unavailable, canUpdate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("tasks");
  if (!task) {
    return (
      <div className="space-y-4">
        <PageHeader title={t("errors.unavailableTitle")} />
        <ActionMessage message={unavailable ? t("errors.unavailable") : null} />
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <PageHeader
        title={task.name}
        lead={t("detail.lead", { id: task.id, queue: t(`queues.${task.queue}`, { defaultValue: task.queue }) })}
      >
        <Link to={taskListHref({ queue: task.queue })} className="text-sm text-brand-700 underline">
          {t("detail.backToList")}
        </Link>
      </PageHeader>
      <TaskFacts task={task} />
      {canUpdate && task.state === "failed" ? (
        <Section title={t("detail.actions")} id="task-actions-title">
          <TaskActions lastResult={actionData?.result} />
        </Section>
      ) : null}
      {task.failedReason || task.stacktrace.length > 0 ? (
        <Section title={t("detail.error")} id="task-error-title">
          <TaskError task={task} />
        </Section>
      ) : null}
      <Section title={t("detail.payload")} id="task-data-title">
        <TaskData task={task} />
      </Section>
    </div>
  );
}
