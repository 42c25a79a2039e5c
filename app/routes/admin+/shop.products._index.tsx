// /admin/shop/products — every product: search by title, slug or SKU, filter by status and
// category, sort, page (all query strings of a GET form).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/admin/page-header";
import { useFormatDateTime } from "~/components/admin/use-format-date";
import { FilterForm } from "~/components/ui/filter-form";
import { PlainField } from "~/components/ui/field";
import { Pagination } from "~/components/ui/pagination";
import { SelectFilter } from "~/components/ui/select-filter";
import { RowHeader, Table, Td } from "~/components/ui/table";
import { listCategoriesForAdmin } from "~/domains/commerce/catalogue/categories.server";
import { listProductsForAdmin, parseProductListQuery } from "~/domains/commerce/catalogue/products-admin.server";
import { getShopSettings } from "~/domains/commerce/shop-settings.server";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { i18n } from "~/infra/i18n.server";
import { formatMoney } from "~/utils/money";

export const handle = { i18n: ["admin", "catalogue"], breadcrumb: "admin:nav.products" };

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: `${d?.title ?? ""} · Verso` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readShopAny);
  const query = parseProductListQuery(new URL(request.url).searchParams);
  const [t, list, categories, settings] = await Promise.all([
    i18n.getFixedT(request, "catalogue"),
    listProductsForAdmin(query),
    listCategoriesForAdmin(),
    getShopSettings(),
  ]);
  return data(
    {
      title: t("products.title"),
      query: { ...query, page: list.page },
      products: list.items,
      total: list.total,
      pageSize: list.pageSize,
      categories: categories.map((c) => ({ id: c.id, name: c.name, depth: c.depth })),
      currency: settings.currency,
      canUpdate: userCan(viewer, PERMISSIONS.updateShopAny),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function AdminProducts() {
  const { query, products, total, pageSize, categories, currency, canUpdate } = useLoaderData<typeof loader>();
  const { t, i18n: i18next } = useTranslation("catalogue");
  const formatDate = useFormatDateTime();
  return (
    <div className="space-y-4">
      <PageHeader title={t("products.title")} lead={t("products.lead", { count: total })}>
        {canUpdate ? (
          <Link
            to="/admin/shop/products/new"
            className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
          >
            {t("products.new")}
          </Link>
        ) : null}
      </PageHeader>
      <FilterForm
        action="/admin/shop/products"
        label={t("products.filters")}
        applyLabel={t("filters.apply")}
        clearLabel={t("filters.clear")}
      >
        <PlainField label={t("products.search")} name="q" type="search" defaultValue={query.q} />
        <SelectFilter
          label={t("products.form.status")}
          name="status"
          defaultValue={query.status}
          options={[
            { value: "", label: t("filters.any") },
            ...(["draft", "active", "archived"] as const).map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
        />
        <SelectFilter
          label={t("products.category")}
          name="category"
          defaultValue={query.categoryId}
          options={[
            { value: "", label: t("filters.any") },
            ...categories.map((c) => ({ value: c.id, label: `${"— ".repeat(c.depth)}${c.name}` })),
          ]}
        />
        <SelectFilter
          label={t("filters.sort")}
          name="sort"
          defaultValue={query.sort}
          options={(["updated", "title", "price"] as const).map((s) => ({ value: s, label: t(`products.sort.${s}`) }))}
        />
      </FilterForm>
      <Table
        caption={t("products.caption", { count: total })}
        columns={[
          { key: "title", label: t("products.columns.title") },
          { key: "status", label: t("products.columns.status") },
          { key: "price", label: t("products.columns.price"), align: "right" },
          { key: "variants", label: t("products.columns.variants"), align: "right" },
          { key: "stock", label: t("products.columns.stock"), align: "right" },
          { key: "updated", label: t("products.columns.updated") },
        ]}
        empty={products.length === 0 ? t("products.empty") : undefined}
      >
        {products.map((p) => (
          <tr key={p.id}>
            <RowHeader>
              <Link to={`/admin/shop/products/${p.id}`} className="text-brand-700 underline">
                {p.title}
              </Link>
              <span className="block text-xs text-slate-600">
                {p.slug} · {t(`kind.${p.kind}`)}
              </span>
            </RowHeader>
            <Td>{t(`status.${p.status}`)}</Td>
            <Td className="text-right">{formatMoney(p.minPrice, currency, i18next.language)}</Td>
            <Td className="text-right">{p.variantCount}</Td>
            <Td className="text-right">{p.sellable === null ? t("products.untracked") : p.sellable}</Td>
            <Td>{formatDate(p.updatedAt)}</Td>
          </tr>
        ))}
      </Table>
      <Pagination page={query.page} pageSize={pageSize} total={total} />
    </div>
  );
}
