// /admin/shop/discounts — every discount code with its state and uses; search by code and filter by
// state as a GET form, pages as links.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/admin/page-header";
import { DiscountsTable } from "~/components/pricing/discounts-table";
import { pricingTranslator } from "~/components/pricing/pricing-request.server";
import { PlainField } from "~/components/ui/field";
import { FilterForm } from "~/components/ui/filter-form";
import { Pagination } from "~/components/ui/pagination";
import { SelectFilter } from "~/components/ui/select-filter";
import { DISCOUNT_STATUSES } from "~/domains/commerce/discounts/discount-filters";
import { listDiscounts } from "~/domains/commerce/discounts/discounts.server";
import { getShopSettings } from "~/domains/commerce/shop-settings.server";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { oneOf, parsePage, textParam } from "~/domains/platform/list-query";

export const handle = { i18n: ["admin", "pricing"] };

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: `${loaderData?.title ?? ""} · Verso` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readShopAny);
  const params = new URL(request.url).searchParams;
  const query = {
    q: textParam(params, "q", 64),
    status: oneOf(params.get("status"), DISCOUNT_STATUSES, "all"),
    page: parsePage(params.get("page")),
  };
  const [t, list, settings] = await Promise.all([pricingTranslator(request), listDiscounts(query), getShopSettings()]);
  return data(
    {
      title: t("discounts.title"),
      query: { ...query, page: list.page },
      ...list,
      currency: settings.currency,
      canUpdate: userCan(viewer, PERMISSIONS.updateShopAny),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function DiscountsPage() {
  const { query, items, total, page, pageSize, currency, canUpdate } = useLoaderData<typeof loader>();
  const { t } = useTranslation("pricing");
  return (
    <div className="space-y-4">
      <PageHeader title={t("discounts.title")} lead={t("discounts.lead", { count: total })}>
        {canUpdate ? (
          <Link
            to="/admin/shop/discounts/new"
            className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
          >
            {t("discounts.new")}
          </Link>
        ) : null}
      </PageHeader>
      <FilterForm
        action="/admin/shop/discounts"
        label={t("discounts.filters")}
        applyLabel={t("common.apply")}
        clearLabel={t("common.clear")}
      >
        <PlainField label={t("discounts.search")} name="q" type="search" defaultValue={query.q} />
        <SelectFilter
          label={t("discounts.status")}
          name="status"
          defaultValue={query.status}
          options={DISCOUNT_STATUSES.map((value) => ({
            value,
            label: t(`discounts.statuses.${value}`),
          }))}
        />
      </FilterForm>
      <DiscountsTable rows={items} currency={currency} />
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}
