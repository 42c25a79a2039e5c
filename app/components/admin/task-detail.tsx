// One job: its facts, the redacted payload and result, the error with its stack traces, and for
// a failed job the Retry and Discard forms (discard asks for a ticked confirmation).
import { getFormProps, getInputProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { FieldErrors } from "~/components/ui/field";
import { useValidatedForm } from "~/components/ui/use-validated-form";
import { createDiscardTaskSchema } from "~/domains/platform/jobs/task-forms";
import type { TaskState } from "~/domains/platform/jobs/task-query";
import { TaskStateBadge } from "./task-state";
import { useFormatDateTime } from "./use-format-date";

type DateValue = Date | string | null;

export type TaskDetailView = {
  id: string;
  queue: string;
  name: string;
  state: TaskState;
  attemptsMade: number;
  maxAttempts: number | null;
  createdAt: DateValue;
  processedAt: DateValue;
  finishedAt: DateValue;
  nextAttemptAt: DateValue;
  failedReason: string | null;
  stacktrace: string[];
  payload: unknown;
  returnValue: unknown;
};

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function TaskFacts({ task }: { task: TaskDetailView }) {
  const { t } = useTranslation("tasks");
  const formatDate = useFormatDateTime();
  return (
    <dl className="grid gap-3 sm:grid-cols-3">
      <Fact label={t("detail.state")}>
        <TaskStateBadge state={task.state} /> <span className="text-sm text-slate-700">{t(`stateHelp.${task.state}`)}</span>
      </Fact>
      <Fact label={t("detail.queue")}>{t(`queues.${task.queue}`, { defaultValue: task.queue })}</Fact>
      <Fact label={t("detail.name")}>
        <span className="font-mono">{task.name}</span>
      </Fact>
      <Fact label={t("detail.attempts")}>
        {task.maxAttempts === null ? task.attemptsMade : t("list.attempts", { made: task.attemptsMade, max: task.maxAttempts })}
      </Fact>
      <Fact label={t("detail.created")}>{formatDate(task.createdAt)}</Fact>
      <Fact label={t("detail.processed")}>{formatDate(task.processedAt)}</Fact>
      <Fact label={t("detail.finished")}>{formatDate(task.finishedAt)}</Fact>
      <Fact label={t("detail.nextAttempt")}>{formatDate(task.nextAttemptAt)}</Fact>
    </dl>
  );
}

function Json({ value, labelledBy }: { value: unknown; labelledBy: string }) {
  return (
    <pre
      aria-labelledby={labelledBy}
      tabIndex={0}
      className="overflow-x-auto rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

export function TaskData({ task }: { task: TaskDetailView }) {
  const { t } = useTranslation("tasks");
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">{t("detail.payloadNote")}</p>
      <Json value={task.payload} labelledBy="task-data-title" />
      {task.returnValue !== null && task.returnValue !== undefined ? (
        <div className="space-y-2">
          <h3 id="task-result" className="font-semibold">
            {t("detail.returnValue")}
          </h3>
          <Json value={task.returnValue} labelledBy="task-result" />
        </div>
      ) : null}
    </div>
  );
}

export function TaskError({ task }: { task: TaskDetailView }) {
  const { t } = useTranslation("tasks");
  return (
    <div className="space-y-3">
      {task.failedReason ? (
        <p className="break-words font-mono text-sm text-red-800">
          {task.state === "failed" ? null : <span className="font-sans text-slate-700">{t("detail.lastError")}: </span>}
          {task.failedReason}
        </p>
      ) : null}
      <div className="space-y-2">
        <h3 className="font-semibold">{t("detail.stacktrace")}</h3>
        {task.stacktrace.length === 0 ? <p className="text-sm text-slate-700">{t("detail.noStack")}</p> : null}
        {task.stacktrace.map((trace, index) => (
          <details key={index} open={index === task.stacktrace.length - 1} className="rounded-md border border-slate-200">
            <summary className="cursor-pointer px-3 py-2 text-sm font-medium">
              {t("detail.stacktraceAttempt", { number: index + 1 })}
            </summary>
            <pre tabIndex={0} className="overflow-x-auto bg-slate-50 p-3 text-xs">
              {trace}
            </pre>
          </details>
        ))}
      </div>
    </div>
  );
}

export function TaskActions({ lastResult }: { lastResult?: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation("tasks");
  const [form, fields] = useValidatedForm({ id: "discard-task", schema: createDiscardTaskSchema(t), lastResult });
  return (
    <div className="grid gap-6 sm:grid-cols-2">
      <Form method="post" className="space-y-2">
        <AuthenticityTokenInput />
        <p className="text-sm text-slate-700">{t("detail.retryHelp")}</p>
        <SubmitButton name="intent" value="retry">
          {t("detail.retry")}
        </SubmitButton>
      </Form>
      <Form method="post" {...getFormProps(form)} className="space-y-2">
        <AuthenticityTokenInput />
        <p className="text-sm text-slate-700">{t("detail.discardHelp")}</p>
        <div className="flex items-start gap-2">
          <input
            {...getInputProps(fields.confirm, { type: "checkbox", value: "on" })}
            aria-describedby={fields.confirm.errors?.length ? fields.confirm.errorId : undefined}
            className="mt-1 h-4 w-4"
          />
          <label htmlFor={fields.confirm.id} className="text-sm">
            {t("detail.confirmDiscard")}
          </label>
        </div>
        <FieldErrors id={fields.confirm.errorId} errors={fields.confirm.errors} />
        <SubmitButton name="intent" value="discard" variant="danger">
          {t("detail.discard")}
        </SubmitButton>
      </Form>
    </div>
  );
}
