// A message's delivery status as a coloured label (the word carries the meaning, not the colour).
import { useTranslation } from "react-i18next";
import { cn } from "~/utils/cn";

const tone = {
  queued: "bg-amber-100 text-amber-900",
  sent: "bg-green-100 text-green-900",
  failed: "bg-red-100 text-red-900",
} as const;

export function EmailStatus({ status }: { status: keyof typeof tone }) {
  const { t } = useTranslation("email");
  return <span className={cn("rounded px-2 py-0.5 text-xs font-medium", tone[status])}>{t(`log.status.${status}`)}</span>;
}
