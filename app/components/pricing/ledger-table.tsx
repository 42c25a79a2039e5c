// A gift card's full ledger, newest first: what happened, the signed amount, the balance after it,
// the order or the person behind it, and the reason.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RowHeader, Table, Td } from "~/components/ui/table";
import { useRootData } from "~/root";
import { formatDateTime } from "~/utils/dates";
import { formatMoney } from "~/utils/money";

type Entry = {
  id: string;
  kind: "issue" | "redeem" | "release" | "refund" | "adjust";
  amount: number;
  balanceAfter: number;
  reason: string;
  createdAt: string | Date;
  order: { id: string; number: string } | null;
  actor: { id: string; name: string; email: string } | null;
};

export function LedgerTable({ entries, currency }: { entries: Entry[]; currency: string }) {
  const { t, i18n } = useTranslation("pricing");
  const timeZone = useRootData()?.timeZone ?? "UTC";
  const locale = i18n.language;
  const signed = (amount: number) =>
    amount > 0 ? `+${formatMoney(amount, currency, locale)}` : formatMoney(amount, currency, locale);
  return (
    <Table
      caption={t("giftCards.ledgerCaption")}
      captionHidden
      columns={[
        { key: "when", label: t("giftCards.when") },
        { key: "kind", label: t("giftCards.entryKind") },
        { key: "amount", label: t("giftCards.entryAmount"), align: "right" },
        { key: "after", label: t("giftCards.balanceAfter"), align: "right" },
        { key: "by", label: t("giftCards.by") },
        { key: "reason", label: t("giftCards.reason") },
      ]}
      empty={entries.length === 0 ? t("giftCards.noEntries") : undefined}
    >
      {entries.map((entry) => (
        <tr key={entry.id}>
          <RowHeader>{formatDateTime(entry.createdAt, { locale, timeZone })}</RowHeader>
          <Td>{t(`giftCards.kinds.${entry.kind}`)}</Td>
          <Td className="text-right tabular-nums">{signed(entry.amount)}</Td>
          <Td className="text-right tabular-nums">{formatMoney(entry.balanceAfter, currency, locale)}</Td>
          <Td>
            {entry.order ? (
              <Link to={`/admin/shop/orders/${entry.order.id}`} className="font-mono text-brand-700 underline">
                {entry.order.number}
              </Link>
            ) : (
              (entry.actor?.name ?? entry.actor?.email ?? "—")
            )}
          </Td>
          <Td>{entry.reason || "—"}</Td>
        </tr>
      ))}
    </Table>
  );
}
