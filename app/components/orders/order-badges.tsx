// An order's status and payment method as short labels, and money in the viewer's language.
import { useTranslation } from "react-i18next";
import { cn } from "~/utils/cn";
import { formatMoney } from "~/utils/money";

const STATUS_STYLE: Record<string, string> = {
  pending_payment: "bg-amber-100 text-amber-900",
  paid: "bg-sky-100 text-sky-900",
  fulfilled: "bg-indigo-100 text-indigo-900",
  delivered: "bg-emerald-100 text-emerald-900",
  cancelled: "bg-slate-200 text-slate-900",
  partially_refunded: "bg-orange-100 text-orange-900",
  refunded: "bg-red-100 text-red-900",
};

export function OrderStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("orders");
  return <span className={cn("rounded px-2 py-0.5 whitespace-nowrap", STATUS_STYLE[status])}>{t(`status.${status}`)}</span>;
}

export function useFormatMoney() {
  const { i18n } = useTranslation();
  return (minor: number, currency: string) => formatMoney(minor, currency, i18n.language || "en");
}
