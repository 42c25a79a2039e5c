// The repeatable jobs with their next run in the viewer's time zone and a "Run now" button (a
// small POST form per schedule, carrying a one-time key so a double submit enqueues once).
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { Table, Td } from "~/components/ui/table";
import { useFormatDateTime } from "./use-format-date";

type Schedule = {
  id: string;
  jobName: string;
  pattern: string;
  description: string;
  nextRunAt: Date | string;
  registered: boolean | null;
};

export function TaskSchedules({ schedules, canRun, runKey }: { schedules: Schedule[]; canRun: boolean; runKey: string }) {
  const { t } = useTranslation("tasks");
  const formatDate = useFormatDateTime();
  return (
    <Table
      caption={t("schedules.caption")}
      captionHidden
      columns={[
        { key: "schedule", label: t("schedules.schedule") },
        { key: "job", label: t("schedules.job") },
        { key: "pattern", label: t("schedules.pattern") },
        { key: "next", label: t("schedules.nextRun") },
        ...(canRun ? [{ key: "actions", label: t("schedules.actions") }] : []),
      ]}
      empty={schedules.length === 0 ? t("schedules.empty") : undefined}
    >
      {schedules.map((schedule) => (
        <tr key={schedule.id}>
          <Td>
            <div className="font-medium">
              {t(`schedules.descriptions.${schedule.id}`, { defaultValue: schedule.description })}
            </div>
            <div className="font-mono text-xs text-slate-700">{schedule.id}</div>
          </Td>
          <Td className="font-mono">{schedule.jobName}</Td>
          <Td className="font-mono">{schedule.pattern}</Td>
          <Td>
            <span className="whitespace-nowrap">{formatDate(schedule.nextRunAt)}</span>
            {schedule.registered === false ? <p className="text-xs text-amber-900">{t("schedules.notRegistered")}</p> : null}
          </Td>
          {canRun ? (
            <Td>
              <Form method="post">
                <AuthenticityTokenInput />
                <input type="hidden" name="scheduleId" value={schedule.id} />
                <input type="hidden" name="runKey" value={runKey} />
                <SubmitButton name="intent" value="runNow" variant="secondary">
                  {t("schedules.runNow")}
                  <span className="sr-only"> ({schedule.id})</span>
                </SubmitButton>
              </Form>
            </Td>
          ) : null}
        </tr>
      ))}
    </Table>
  );
}
