// The discount list: code (linked), what it takes off, when it runs, uses and state.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RowHeader, Table, Td } from "~/components/ui/table";
import { useRootData } from "~/root";
import { formatDateTime } from "~/utils/dates";
import { describeDiscount, discountState } from "./discount-value";

type Row = {
  id: string;
  code: string;
  kind: "percentage" | "fixed" | "free_shipping";
  value: number;
  startsAt: string | Date | null;
  endsAt: string | Date | null;
  usageLimit: number | null;
  usedCount: number;
  isActive: boolean;
};

export function DiscountsTable({ rows, currency }: { rows: Row[]; currency: string }) {
  const { t, i18n } = useTranslation("pricing");
  const timeZone = useRootData()?.timeZone ?? "UTC";
  const locale = i18n.language;
  const translate = (key: string, options?: Record<string, unknown>) => t(key, options ?? {}) as string;
  const when = (value: string | Date | null) => (value ? formatDateTime(value, { locale, timeZone }) : "—");
  return (
    <Table
      caption={t("discounts.caption")}
      captionHidden
      columns={[
        { key: "code", label: t("discounts.code") },
        { key: "value", label: t("discounts.value") },
        { key: "dates", label: t("discounts.dates") },
        { key: "uses", label: t("discounts.uses"), align: "right" },
        { key: "state", label: t("discounts.status") },
      ]}
      empty={rows.length === 0 ? t("discounts.empty") : undefined}
    >
      {rows.map((row) => (
        <tr key={row.id}>
          <RowHeader>
            <Link to={`/admin/shop/discounts/${row.id}`} className="font-mono text-brand-700 underline">
              {row.code}
            </Link>
          </RowHeader>
          <Td>{describeDiscount(row, { t: translate, currency, locale })}</Td>
          <Td>
            {when(row.startsAt)} → {when(row.endsAt)}
          </Td>
          <Td className="text-right tabular-nums">
            {row.usageLimit === null ? row.usedCount : t("discounts.usesOf", { used: row.usedCount, limit: row.usageLimit })}
          </Td>
          <Td>{t(`discounts.states.${discountState(row)}`)}</Td>
        </tr>
      ))}
    </Table>
  );
}
