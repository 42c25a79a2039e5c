// An endpoint's state in words: enabled, or disabled by an administrator or automatically (with
// the reason the system recorded), plus the current run of failed attempts.
import { useTranslation } from "react-i18next";

type Props = { enabled: boolean; disabledReason: string | null; consecutiveFailures: number };

export function EndpointStatus({ enabled, disabledReason, consecutiveFailures }: Props) {
  const { t } = useTranslation("webhooks");
  return (
    <span className="flex flex-col gap-1">
      <span
        className={
          enabled
            ? "w-fit rounded bg-emerald-100 px-2 py-0.5 text-emerald-900"
            : "w-fit rounded bg-red-100 px-2 py-0.5 text-red-900"
        }
      >
        {enabled ? t("status.enabled") : t("status.disabled")}
      </span>
      {enabled ? null : (
        <span className="text-sm text-slate-800">
          {disabledReason ? t("status.disabledAuto", { reason: disabledReason }) : t("status.disabledManual")}
        </span>
      )}
      {enabled && consecutiveFailures > 0 ? (
        <span className="text-sm text-amber-900">{t("status.failures", { count: consecutiveFailures })}</span>
      ) : null}
    </span>
  );
}

export function DeliveryStatus({ status }: { status: "pending" | "succeeded" | "failed" }) {
  const { t } = useTranslation("webhooks");
  const tone =
    status === "succeeded"
      ? "bg-emerald-100 text-emerald-900"
      : status === "failed"
        ? "bg-red-100 text-red-900"
        : "bg-amber-100 text-amber-900";
  return <span className={`rounded px-2 py-0.5 ${tone}`}>{t(`deliveries.status.${status}`)}</span>;
}
