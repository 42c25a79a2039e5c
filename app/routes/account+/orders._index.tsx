// /account/orders — the signed-in customer's order history, newest first, 20 a page.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrderStatusBadge, useFormatMoney } from "~/components/orders/order-badges";
import { Pagination } from "~/components/ui/pagination";
import { RowHeader, Table, Td } from "~/components/ui/table";
import { listCustomerOrders } from "~/domains/commerce/orders/account-orders.server";
import { requireUser } from "~/domains/identity/guards.server";
import { parsePage } from "~/domains/platform/list-query";
import { i18n } from "~/infra/i18n.server";
import { useFormatDateTime } from "~/components/admin/use-format-date";

export const handle = { i18n: ["orders"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Verso` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = parsePage(new URL(request.url).searchParams.get("page"));
  const [t, list] = await Promise.all([i18n.getFixedT(request, "orders"), listCustomerOrders(user.id, page)]);
  return { title: t("account.title"), ...list };
}

export default function AccountOrders() {
  const { orders, total, page, pageSize } = useLoaderData<typeof loader>();
  const { t } = useTranslation("orders");
  const money = useFormatMoney();
  const formatDate = useFormatDateTime();
  return (
    <>
      <header>
        <h1 className="text-2xl font-bold tracking-tight">{t("account.title")}</h1>
        <p className="mt-1 text-slate-700">{t("account.lead")}</p>
      </header>
      {orders.length === 0 ? (
        <p>
          {t("account.empty")}{" "}
          <Link to="/shop" className="text-brand-700 underline">
            {t("account.shopLink")}
          </Link>
        </p>
      ) : (
        <Table
          caption={t("account.caption")}
          captionHidden
          columns={[
            { key: "number", label: t("account.columns.number") },
            { key: "placed", label: t("account.columns.placed") },
            { key: "status", label: t("account.columns.status") },
            { key: "items", label: t("account.columns.items"), align: "right" },
            { key: "total", label: t("account.columns.total"), align: "right" },
          ]}
        >
          {orders.map((order) => (
            <tr key={order.id}>
              <RowHeader>
                <Link to={`/account/orders/${encodeURIComponent(order.number)}`} className="font-mono text-brand-700 underline">
                  {order.number}
                </Link>
              </RowHeader>
              <Td className="whitespace-nowrap">{formatDate(order.placedAt)}</Td>
              <Td>
                <OrderStatusBadge status={order.status} />
              </Td>
              <Td className="text-right tabular-nums">{order.units}</Td>
              <Td className="text-right tabular-nums">{money(order.grandTotal, order.currency)}</Td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </>
  );
}
