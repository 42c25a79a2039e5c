// The admin order page's record: refunds (with their split and Stripe id), gift-card use (the
// ledger entries of this order) and the timeline from the audit trail, in the viewer's time zone.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormatDateTime } from "~/components/admin/use-format-date";
import { RowHeader, Table, Td } from "~/components/ui/table";
import { useFormatMoney } from "./order-badges";

type Refund = {
  id: string;
  amount: number;
  cardAmount: number;
  giftCardAmount: number;
  reason: string;
  restock: boolean;
  status: string;
  stripeRefundId: string | null;
  failureReason: string | null;
  createdAt: Date | string;
  createdBy: { name: string } | null;
};

export function RefundsTable({ refunds, currency }: { refunds: Refund[]; currency: string }) {
  const { t } = useTranslation("orders");
  const formatDate = useFormatDateTime();
  const money = useFormatMoney();
  return (
    <Table
      caption={t("detail.refunds.caption")}
      captionHidden
      columns={[
        { key: "when", label: t("detail.refunds.when") },
        { key: "amount", label: t("detail.refunds.amount"), align: "right" },
        { key: "split", label: t("detail.refunds.split") },
        { key: "status", label: t("detail.refunds.status") },
        { key: "reason", label: t("detail.refunds.reason") },
        { key: "by", label: t("detail.refunds.by") },
      ]}
      empty={refunds.length === 0 ? t("detail.refunds.empty") : undefined}
    >
      {refunds.map((refund) => (
        <tr key={refund.id}>
          <RowHeader>{formatDate(refund.createdAt)}</RowHeader>
          <Td className="text-right tabular-nums">{money(refund.amount, currency)}</Td>
          <Td>
            {t("detail.refunds.splitText", {
              card: money(refund.cardAmount, currency),
              giftCard: money(refund.giftCardAmount, currency),
            })}
            {refund.stripeRefundId ? <span className="block font-mono text-xs">{refund.stripeRefundId}</span> : null}
          </Td>
          <Td>
            {t(`detail.refunds.statuses.${refund.status}`)}
            {refund.failureReason ? <span className="block text-xs text-red-800">{refund.failureReason}</span> : null}
            {refund.restock ? <span className="block text-xs">{t("detail.refunds.restocked")}</span> : null}
          </Td>
          <Td>{refund.reason || "—"}</Td>
          <Td>{refund.createdBy?.name ?? t("detail.refunds.system")}</Td>
        </tr>
      ))}
    </Table>
  );
}

type GiftCardEntry = {
  id: string;
  kind: string;
  amount: number;
  createdAt: Date | string;
  giftCard: { id: string; code: string };
};

export function GiftCardUse({ entries, currency }: { entries: GiftCardEntry[]; currency: string }) {
  const { t } = useTranslation("orders");
  const formatDate = useFormatDateTime();
  const money = useFormatMoney();
  if (entries.length === 0) return <p className="text-sm text-slate-700">{t("detail.giftCards.none")}</p>;
  return (
    <ul className="space-y-1 text-sm">
      {entries.map((entry) => (
        <li key={entry.id}>
          <Link to={`/admin/shop/gift-cards/${entry.giftCard.id}`} className="font-mono text-brand-700 underline">
            …{entry.giftCard.code.slice(-4)}
          </Link>{" "}
          {t(`detail.giftCards.kinds.${entry.kind}`, { amount: money(Math.abs(entry.amount), currency) })}{" "}
          <span className="text-slate-700">{formatDate(entry.createdAt)}</span>
        </li>
      ))}
    </ul>
  );
}

type TimelineEntry = { id: string; action: string; createdAt: Date | string; actor: { name: string } | null };

export function OrderTimeline({ entries, placedAt }: { entries: TimelineEntry[]; placedAt: Date | string }) {
  const { t } = useTranslation("orders");
  const formatDate = useFormatDateTime();
  return (
    <ol className="space-y-2 border-l border-slate-300 pl-4 text-sm">
      <li>
        <span className="font-medium">{t("timeline.placed")}</span> <span className="text-slate-700">{formatDate(placedAt)}</span>
      </li>
      {entries.map((entry) => (
        <li key={entry.id}>
          <span className="font-medium">{t(`timeline.actions.${entry.action}`, { defaultValue: entry.action })}</span>{" "}
          <span className="text-slate-700">
            {formatDate(entry.createdAt)} · {entry.actor?.name ?? t("timeline.system")}
          </span>
        </li>
      ))}
    </ol>
  );
}
