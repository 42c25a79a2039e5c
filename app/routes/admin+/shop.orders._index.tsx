// /admin/shop/orders: search, filter (status, payment method, the admin's calendar days), sort and
// page through orders, all as query strings; "Export CSV" queues the same list as a report.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/admin/page-header";
import { ExportCsvForm } from "~/components/exports/export-csv-form";
import { OrderFilters } from "~/components/orders/order-filters";
import { OrdersTable } from "~/components/orders/orders-table";
import { Pagination } from "~/components/ui/pagination";
import { listOrdersForAdmin } from "~/domains/commerce/orders/admin-query.server";
import { parseOrderListQuery } from "~/domains/commerce/orders/order-list-query";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { i18n } from "~/infra/i18n.server";

export const handle = { i18n: ["admin", "orders", "exports"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Verso` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readOrderAny);
  const query = parseOrderListQuery(new URL(request.url).searchParams);
  const [t, list] = await Promise.all([i18n.getFixedT(request, "orders"), listOrdersForAdmin(query, viewer.timeZone)]);
  return {
    title: t("admin.title"),
    query: { ...query, page: list.page },
    orders: list.items,
    total: list.total,
    pageSize: list.pageSize,
    timeZone: viewer.timeZone,
    canExport: userCan(viewer, PERMISSIONS.createExportOwn),
  };
}

export default function AdminOrders() {
  const { query, orders, total, pageSize, timeZone, canExport } = useLoaderData<typeof loader>();
  const { t } = useTranslation("orders");
  const { page: _page, ...filters } = query;
  return (
    <div className="space-y-4">
      <PageHeader title={t("admin.title")} lead={t("admin.lead", { count: total })}>
        {canExport ? <ExportCsvForm kind="orders" params={{ ...filters, tz: timeZone }} label={t("admin.exportLabel")} /> : null}
      </PageHeader>
      <OrderFilters query={query} />
      <OrdersTable rows={orders} query={query} />
      <Pagination page={query.page} pageSize={pageSize} total={total} />
    </div>
  );
}
