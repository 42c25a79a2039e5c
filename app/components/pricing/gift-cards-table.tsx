// The gift card list: code (linked), balance of initial, recipient, expiry and state.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RowHeader, Table, Td } from "~/components/ui/table";
import { formatGiftCardCode } from "~/domains/commerce/gift-cards/gift-card-code";
import { useRootData } from "~/root";
import { formatDateTime } from "~/utils/dates";
import { formatMoney } from "~/utils/money";

type Row = {
  id: string;
  code: string;
  initialBalance: number;
  balance: number;
  expiresAt: string | Date | null;
  isActive: boolean;
  recipientEmail: string | null;
};

export function giftCardState(card: { isActive: boolean; balance: number; expiresAt: string | Date | null }, now = new Date()) {
  if (!card.isActive) return "inactive";
  if (card.expiresAt && new Date(card.expiresAt).getTime() <= now.getTime()) return "expired";
  if (card.balance === 0) return "empty";
  return "active";
}

export function GiftCardsTable({ rows, currency }: { rows: Row[]; currency: string }) {
  const { t, i18n } = useTranslation("pricing");
  const timeZone = useRootData()?.timeZone ?? "UTC";
  const locale = i18n.language;
  return (
    <Table
      caption={t("giftCards.caption")}
      captionHidden
      columns={[
        { key: "code", label: t("giftCards.code") },
        { key: "balance", label: t("giftCards.balance"), align: "right" },
        { key: "recipient", label: t("giftCards.recipientEmail") },
        { key: "expires", label: t("giftCards.expiresAt") },
        { key: "state", label: t("giftCards.status") },
      ]}
      empty={rows.length === 0 ? t("giftCards.empty") : undefined}
    >
      {rows.map((row) => (
        <tr key={row.id}>
          <RowHeader>
            <Link to={`/admin/shop/gift-cards/${row.id}`} className="font-mono text-brand-700 underline">
              {formatGiftCardCode(row.code)}
            </Link>
          </RowHeader>
          <Td className="text-right tabular-nums">
            {t("giftCards.balanceOf", {
              balance: formatMoney(row.balance, currency, locale),
              initial: formatMoney(row.initialBalance, currency, locale),
            })}
          </Td>
          <Td>{row.recipientEmail ?? "—"}</Td>
          <Td>{row.expiresAt ? formatDateTime(row.expiresAt, { locale, timeZone }) : t("giftCards.noExpiry")}</Td>
          <Td>{t(`giftCards.states.${giftCardState(row)}`)}</Td>
        </tr>
      ))}
    </Table>
  );
}
