// "Your items are reserved until 10:42" (or: the reservation ran out), in the viewer's time zone.
import { useTranslation } from "react-i18next";
import { useRootData } from "~/root";
import { formatDateTime } from "~/utils/dates";

export function ReservationNotice({ expiresAt, expired }: { expiresAt: string; expired: boolean }) {
  const { t } = useTranslation("checkout");
  const root = useRootData();
  const time = formatDateTime(expiresAt, { locale: root?.locale ?? "en", timeZone: root?.timeZone ?? "UTC" });
  return (
    <p
      role="status"
      className={
        expired ? "rounded-md bg-amber-50 p-3 text-sm text-amber-900" : "rounded-md bg-slate-100 p-3 text-sm text-slate-800"
      }
      data-testid="reservation-notice"
    >
      {expired ? t("reservation.expired", { time }) : t("reservation.held", { time })}
    </p>
  );
}
