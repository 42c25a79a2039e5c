// The `orders` report: the /admin/shop/orders list with its filters and order, one row per order,
// read through the orders domain in keyset pages. Amounts are decimal strings in the order's
// currency (a spreadsheet reads "12.50", never a float); times are UTC.
import { listOrdersKeysetPage, type ExportedOrder, type OrderKeysetCursor } from "~/domains/commerce/orders/admin-query.server";
import { decimalAmount } from "~/domains/commerce/orders/money-text";
import type { CsvValue } from "./csv";
import type { ReportParams } from "./report-kinds";

export const ORDERS_COLUMNS = [
  "number",
  "placedAt",
  "status",
  "paymentMethod",
  "email",
  "customerName",
  "currency",
  "itemCount",
  "skus",
  "merchandiseSubtotal",
  "discountTotal",
  "shippingTotal",
  "taxTotal",
  "giftCardTotal",
  "grandTotal",
  "refundedTotal",
  "discountCode",
  "shipCountry",
  "carrier",
  "trackingNumber",
  "paidAt",
  "fulfilledAt",
] as const;

function toRecord(order: ExportedOrder): CsvValue[] {
  const money = (value: number) => decimalAmount(value, order.currency);
  return [
    order.number,
    order.placedAt,
    order.status,
    order.paymentMethod,
    order.email,
    order.shipName ?? order.user?.name ?? "",
    order.currency,
    order.items.reduce((sum, item) => sum + item.quantity, 0),
    order.items.map((item) => `${item.sku} × ${item.quantity}`).join("; "),
    money(order.merchandiseSubtotal),
    money(order.discountTotal),
    money(order.shippingTotal),
    money(order.taxTotal),
    money(order.giftCardTotal),
    money(order.grandTotal),
    money(order.refundedTotal),
    order.discountCode ?? "",
    order.shipCountry ?? "",
    order.carrier ?? "",
    order.trackingNumber ?? "",
    order.paidAt,
    order.fulfilledAt,
  ];
}

export async function* ordersReportPages(params: ReportParams["orders"], pageSize: number): AsyncGenerator<CsvValue[][]> {
  const { tz, ...query } = params;
  let cursor: OrderKeysetCursor | null = null;
  do {
    const page: Awaited<ReturnType<typeof listOrdersKeysetPage>> = await listOrdersKeysetPage({
      query,
      timeZone: tz,
      cursor,
      limit: pageSize,
    });
    if (page.rows.length > 0) yield page.rows.map(toRecord);
    cursor = page.next;
  } while (cursor);
}
