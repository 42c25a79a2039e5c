// A discount's latest redemptions: when, which order, which customer (user id or guest e-mail).
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RowHeader, Table, Td } from "~/components/ui/table";
import { useRootData } from "~/root";
import { formatDateTime } from "~/utils/dates";

type Row = { id: string; customerKey: string; createdAt: string | Date; order: { id: string; number: string } };

export function RedemptionsTable({ rows }: { rows: Row[] }) {
  const { t, i18n } = useTranslation("pricing");
  const timeZone = useRootData()?.timeZone ?? "UTC";
  return (
    <Table
      caption={t("discounts.redemptionsCaption")}
      captionHidden
      columns={[
        { key: "order", label: t("discounts.order") },
        { key: "customer", label: t("discounts.customer") },
        { key: "when", label: t("discounts.when") },
      ]}
      empty={rows.length === 0 ? t("discounts.noRedemptions") : undefined}
    >
      {rows.map((row) => (
        <tr key={row.id}>
          <RowHeader>
            <Link to={`/admin/shop/orders/${row.order.id}`} className="font-mono text-brand-700 underline">
              {row.order.number}
            </Link>
          </RowHeader>
          <Td>{row.customerKey}</Td>
          <Td>{formatDateTime(row.createdAt, { locale: i18n.language, timeZone })}</Td>
        </tr>
      ))}
    </Table>
  );
}
