// The /admin/shop/orders search and filters: a GET form (a shareable URL, works without
// JavaScript). Dates are the admin's calendar days; the current sort travels in hidden fields.
import { useTranslation } from "react-i18next";
import { PlainField } from "~/components/ui/field";
import { FilterForm } from "~/components/ui/filter-form";
import { SelectFilter } from "~/components/ui/select-filter";
import { ORDER_STATUSES } from "~/domains/commerce/order-status";
import { PAYMENT_METHODS, type OrderListQuery } from "~/domains/commerce/orders/order-list-query";

export function OrderFilters({ query }: { query: OrderListQuery }) {
  const { t } = useTranslation("orders");
  return (
    <FilterForm
      action="/admin/shop/orders"
      label={t("admin.filters.label")}
      applyLabel={t("admin.filters.apply")}
      clearLabel={t("admin.filters.clear")}
    >
      <PlainField label={t("admin.filters.search")} name="q" type="search" defaultValue={query.q} />
      <SelectFilter
        label={t("admin.filters.status")}
        name="status"
        defaultValue={query.status}
        options={[
          { value: "", label: t("admin.filters.anyStatus") },
          ...ORDER_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) })),
        ]}
      />
      <SelectFilter
        label={t("admin.filters.payment")}
        name="payment"
        defaultValue={query.payment}
        options={[
          { value: "", label: t("admin.filters.anyPayment") },
          ...PAYMENT_METHODS.map((method) => ({ value: method, label: t(`payment.${method}`) })),
        ]}
      />
      <PlainField label={t("admin.filters.from")} name="from" type="date" defaultValue={query.from} />
      <PlainField label={t("admin.filters.to")} name="to" type="date" defaultValue={query.to} />
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
    </FilterForm>
  );
}
