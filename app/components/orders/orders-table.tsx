// The admin orders list: a table with a caption and sortable column headers (links with aria-sort).
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormatDateTime } from "~/components/admin/use-format-date";
import { SortHeader } from "~/components/ui/sort-header";
import { RowHeader, Table, Td } from "~/components/ui/table";
import { ariaSortFor, sortLinkSearch, type OrderListQuery, type OrderSortKey } from "~/domains/commerce/orders/order-list-query";
import { OrderStatusBadge, useFormatMoney } from "./order-badges";

export type OrderRow = {
  id: string;
  number: string;
  email: string;
  shipName: string | null;
  status: string;
  paymentMethod: string;
  currency: string;
  grandTotal: number;
  refundedTotal: number;
  placedAt: Date | string;
  user: { id: string; name: string } | null;
  _count: { items: number };
};

export function OrdersTable({ rows, query }: { rows: OrderRow[]; query: OrderListQuery }) {
  const { t } = useTranslation("orders");
  const formatDate = useFormatDateTime();
  const money = useFormatMoney();
  const sortable = (key: OrderSortKey, align?: "right") => ({
    key,
    label: t(`admin.columns.${key}`),
    align,
    sort: (
      <SortHeader
        label={t(`admin.columns.${key}`)}
        to={`/admin/shop/orders${sortLinkSearch(query, key)}`}
        sort={ariaSortFor(query, key)}
      />
    ),
  });
  return (
    <Table
      caption={t("admin.caption", {
        sort: t(`admin.columns.${query.sort}`),
        direction: t(`admin.direction.${query.dir}`),
      })}
      columns={[
        sortable("number"),
        sortable("placed"),
        { key: "customer", label: t("admin.columns.customer") },
        sortable("email"),
        { key: "status", label: t("admin.columns.status") },
        { key: "payment", label: t("admin.columns.payment") },
        sortable("total", "right"),
      ]}
      empty={rows.length === 0 ? t("admin.empty") : undefined}
    >
      {rows.map((row) => (
        <tr key={row.id}>
          <RowHeader>
            <Link to={`/admin/shop/orders/${row.id}`} className="font-mono text-brand-700 underline">
              {row.number}
            </Link>
          </RowHeader>
          <Td className="whitespace-nowrap">{formatDate(row.placedAt)}</Td>
          <Td>{row.shipName ?? row.user?.name ?? "—"}</Td>
          <Td>{row.email}</Td>
          <Td>
            <OrderStatusBadge status={row.status} />
          </Td>
          <Td>{t(`payment.${row.paymentMethod}`)}</Td>
          <Td className="text-right whitespace-nowrap tabular-nums">
            {money(row.grandTotal, row.currency)}
            {row.refundedTotal > 0 ? (
              <span className="block text-xs text-slate-700">
                {t("admin.refundedNote", { amount: money(row.refundedTotal, row.currency) })}
              </span>
            ) : null}
          </Td>
        </tr>
      ))}
    </Table>
  );
}
