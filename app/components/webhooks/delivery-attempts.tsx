// Every HTTP attempt of one delivery, newest first: what was sent (headers), what came back
// (code and the first 2 KB of the body) or the error, and how long it took.
import { useTranslation } from "react-i18next";
import { useFormatDateTime } from "~/components/admin/use-format-date";

export type AttemptRow = {
  id: string;
  attemptedAt: Date | string;
  requestHeaders: Record<string, string>;
  responseStatus: number | null;
  responseBody: string | null;
  error: string | null;
  durationMs: number;
};

const pre = "max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-100 p-2 font-mono text-xs text-slate-900";

export function DeliveryAttempts({ attempts }: { attempts: AttemptRow[] }) {
  const { t } = useTranslation("webhooks");
  const formatDate = useFormatDateTime();
  if (attempts.length === 0) return <p className="text-slate-700">{t("delivery.noAttempts")}</p>;
  return (
    <ol className="space-y-4">
      {attempts.map((attempt) => (
        <li key={attempt.id} className="space-y-2 rounded-md border border-slate-200 p-3" data-testid="webhook-attempt">
          <h3 className="font-semibold">{t("delivery.attempt", { date: formatDate(attempt.attemptedAt) })}</h3>
          <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
            <dt className="text-slate-700">{t("delivery.responseStatus")}</dt>
            <dd>{attempt.responseStatus ?? t("delivery.noResponse")}</dd>
            <dt className="text-slate-700">{t("delivery.duration")}</dt>
            <dd>{t("delivery.durationMs", { ms: attempt.durationMs })}</dd>
            {attempt.error ? (
              <>
                <dt className="text-slate-700">{t("delivery.error")}</dt>
                <dd className="break-all">{attempt.error}</dd>
              </>
            ) : null}
            <dt className="text-slate-700">{t("delivery.requestHeaders")}</dt>
            <dd>
              <pre className={pre} tabIndex={0}>
                {Object.entries(attempt.requestHeaders)
                  .map(([name, value]) => `${name}: ${value}`)
                  .join("\n")}
              </pre>
            </dd>
            {attempt.responseBody ? (
              <>
                <dt className="text-slate-700">{t("delivery.responseBody")}</dt>
                <dd>
                  <pre className={pre} tabIndex={0}>
                    {attempt.responseBody}
                  </pre>
                </dd>
              </>
            ) : null}
          </dl>
        </li>
      ))}
    </ol>
  );
}
