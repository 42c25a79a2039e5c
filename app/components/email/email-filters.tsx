// The /admin/emails search and filters: a GET form, so results are a shareable URL and it works
// without JavaScript.
import { useTranslation } from "react-i18next";
import { PlainField } from "~/components/ui/field";
import { SelectFilter } from "~/components/ui/select-filter";
import { EMAIL_STATUSES, EMAIL_TEMPLATE_FILTERS, type EmailListQuery } from "~/domains/platform/email/email-log-query";
import { FilterForm } from "~/components/ui/filter-form";

export function EmailFilters({ query }: { query: EmailListQuery }) {
  const { t } = useTranslation("email");
  return (
    <FilterForm
      action="/admin/emails"
      label={t("log.filters.label")}
      applyLabel={t("log.filters.apply")}
      clearLabel={t("log.filters.clear")}
    >
      <PlainField label={t("log.filters.search")} name="q" type="search" defaultValue={query.q} />
      <SelectFilter
        label={t("log.filters.status")}
        name="status"
        defaultValue={query.status}
        options={[
          { value: "", label: t("log.filters.anyStatus") },
          ...EMAIL_STATUSES.map((status) => ({ value: status, label: t(`log.status.${status}`) })),
        ]}
      />
      <SelectFilter
        label={t("log.filters.template")}
        name="template"
        defaultValue={query.template}
        options={[
          { value: "", label: t("log.filters.anyTemplate") },
          ...EMAIL_TEMPLATE_FILTERS.map((template) => ({ value: template, label: template })),
        ]}
      />
    </FilterForm>
  );
}
