// /admin/shop/inventory — every variant's stock (on hand, reserved by open checkouts, sellable),
// searchable; ?view=low lists tracked variants at or below the shop's low-stock threshold.
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/admin/page-header";
import { catalogueTranslator } from "~/components/catalogue/catalogue-request.server";
import { PlainField } from "~/components/ui/field";
import { FilterForm } from "~/components/ui/filter-form";
import { Pagination } from "~/components/ui/pagination";
import { SelectFilter } from "~/components/ui/select-filter";
import { RowHeader, Table, Td } from "~/components/ui/table";
import { listInventory, parseInventoryQuery } from "~/domains/commerce/catalogue/inventory.server";
import { requirePermission } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";

export const handle = { i18n: ["admin", "catalogue"], breadcrumb: "admin:nav.inventory" };

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: `${d?.title ?? ""} · Verso` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, PERMISSIONS.readShopAny);
  const query = parseInventoryQuery(new URL(request.url).searchParams);
  const [t, list] = await Promise.all([catalogueTranslator(request), listInventory(query)]);
  return data(
    { title: t("inventory.title"), query: { ...query, page: list.page }, ...list },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function Inventory() {
  const { query, items, total, pageSize, threshold } = useLoaderData<typeof loader>();
  const { t } = useTranslation("catalogue");
  const low = query.view === "low";
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("inventory.title")}
        lead={low ? t("inventory.lowLead", { threshold, count: total }) : t("inventory.lead", { count: total })}
      >
        <nav aria-label={t("inventory.views")} className="flex gap-4 text-sm">
          <Link to="/admin/shop/inventory" aria-current={!low ? "page" : undefined} className="text-brand-700 underline">
            {t("inventory.all")}
          </Link>
          <Link to="/admin/shop/inventory?view=low" aria-current={low ? "page" : undefined} className="text-brand-700 underline">
            {t("inventory.low")}
          </Link>
        </nav>
      </PageHeader>
      <FilterForm
        action="/admin/shop/inventory"
        label={t("inventory.filters")}
        applyLabel={t("filters.apply")}
        clearLabel={t("filters.clear")}
      >
        <PlainField label={t("inventory.search")} name="q" type="search" defaultValue={query.q} />
        <SelectFilter
          label={t("inventory.view")}
          name="view"
          defaultValue={query.view}
          options={[
            { value: "all", label: t("inventory.all") },
            { value: "low", label: t("inventory.low") },
          ]}
        />
      </FilterForm>
      <Table
        caption={low ? t("inventory.lowCaption", { threshold }) : t("inventory.caption")}
        columns={[
          { key: "variant", label: t("inventory.columns.variant") },
          { key: "sku", label: t("inventory.columns.sku") },
          { key: "onHand", label: t("inventory.columns.onHand"), align: "right" },
          { key: "reserved", label: t("inventory.columns.reserved"), align: "right" },
          { key: "sellable", label: t("inventory.columns.sellable"), align: "right" },
        ]}
        empty={items.length === 0 ? (low ? t("inventory.noneLow") : t("inventory.none")) : undefined}
      >
        {items.map((v) => (
          <tr key={v.id}>
            <RowHeader>
              <Link to={`/admin/shop/inventory/${v.id}`} className="text-brand-700 underline">
                {v.title ? `${v.productTitle} — ${v.title}` : v.productTitle}
              </Link>
            </RowHeader>
            <Td>{v.sku}</Td>
            <Td className="text-right">{v.stockOnHand}</Td>
            <Td className="text-right">{v.stockReserved}</Td>
            <Td className="text-right">{v.trackInventory ? v.sellable : t("inventory.untracked")}</Td>
          </tr>
        ))}
      </Table>
      <Pagination page={query.page} pageSize={pageSize} total={total} />
    </div>
  );
}
