// What was ordered and what it cost: the items table, the totals (discount, shipping, tax, gift
// cards, refunds) and the shipping address. Shared by the admin order page and the customer's.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { RowHeader, Table, Td } from "~/components/ui/table";
import { useFormatMoney } from "./order-badges";

export type SummaryItem = {
  id: string;
  title: string;
  variantTitle: string;
  sku: string;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
  extra?: ReactNode;
};

export type SummaryOrder = {
  currency: string;
  merchandiseSubtotal: number;
  discountTotal: number;
  discountCode: string | null;
  shippingTotal: number;
  shippingMethodName: string | null;
  taxTotal: number;
  giftCardTotal: number;
  grandTotal: number;
  amountDue: number;
  refundedTotal: number;
};

export function OrderItemsTable({ items, currency }: { items: SummaryItem[]; currency: string }) {
  const { t } = useTranslation("orders");
  const money = useFormatMoney();
  return (
    <Table
      caption={t("detail.itemsCaption")}
      captionHidden
      columns={[
        { key: "item", label: t("detail.columns.item") },
        { key: "sku", label: t("detail.columns.sku") },
        { key: "unit", label: t("detail.columns.unitPrice"), align: "right" },
        { key: "quantity", label: t("detail.columns.quantity"), align: "right" },
        { key: "total", label: t("detail.columns.lineTotal"), align: "right" },
      ]}
    >
      {items.map((item) => (
        <tr key={item.id}>
          <RowHeader>
            {item.title}
            {item.variantTitle ? <span className="block text-xs text-slate-700">{item.variantTitle}</span> : null}
            {item.extra}
          </RowHeader>
          <Td className="font-mono text-xs">{item.sku}</Td>
          <Td className="text-right tabular-nums">{money(item.unitPrice, currency)}</Td>
          <Td className="text-right tabular-nums">{item.quantity}</Td>
          <Td className="text-right tabular-nums">{money(item.lineTotal, currency)}</Td>
        </tr>
      ))}
    </Table>
  );
}

function Row({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className={strong ? "flex justify-between gap-4 font-semibold" : "flex justify-between gap-4"}>
      <dt>{label}</dt>
      <dd className="tabular-nums">{value}</dd>
    </div>
  );
}

export function OrderTotals({ order }: { order: SummaryOrder }) {
  const { t } = useTranslation("orders");
  const format = useFormatMoney();
  const money = (value: number) => format(value, order.currency);
  return (
    <dl className="max-w-sm space-y-1 text-sm">
      <Row label={t("detail.totals.subtotal")} value={money(order.merchandiseSubtotal)} />
      {order.discountTotal > 0 ? (
        <Row
          label={order.discountCode ? t("detail.totals.discountCode", { code: order.discountCode }) : t("detail.totals.discount")}
          value={money(-order.discountTotal)}
        />
      ) : null}
      <Row
        label={
          order.shippingMethodName
            ? t("detail.totals.shippingMethod", { method: order.shippingMethodName })
            : t("detail.totals.shipping")
        }
        value={money(order.shippingTotal)}
      />
      <Row label={t("detail.totals.tax")} value={money(order.taxTotal)} />
      <Row label={t("detail.totals.total")} value={money(order.grandTotal)} strong />
      {order.giftCardTotal > 0 ? (
        <>
          <Row label={t("detail.totals.giftCards")} value={money(-order.giftCardTotal)} />
          <Row label={t("detail.totals.amountDue")} value={money(order.amountDue)} />
        </>
      ) : null}
      {order.refundedTotal > 0 ? <Row label={t("detail.totals.refunded")} value={money(-order.refundedTotal)} strong /> : null}
    </dl>
  );
}

export type AddressOrder = {
  shipName: string | null;
  shipLine1: string | null;
  shipLine2: string | null;
  shipCity: string | null;
  shipRegion: string | null;
  shipPostalCode: string | null;
  shipCountry: string | null;
  phone: string | null;
};

export function ShippingAddress({ order }: { order: AddressOrder }) {
  const { t } = useTranslation("orders");
  if (!order.shipLine1) return <p className="text-sm text-slate-700">{t("detail.noAddress")}</p>;
  const cityLine = [order.shipPostalCode, order.shipCity, order.shipRegion].filter(Boolean).join(" ");
  return (
    <address className="text-sm not-italic">
      {[order.shipName, order.shipLine1, order.shipLine2, cityLine, order.shipCountry, order.phone]
        .filter(Boolean)
        .map((line, index) => (
          <span key={index} className="block">
            {line}
          </span>
        ))}
    </address>
  );
}
