// The /admin/emails search and filters: a GET form, so results are a shareable URL and it works
// without JavaScript.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { PlainField } from "~/components/ui/field";
import { SelectFilter } from "~/components/ui/select-filter";
import { EMAIL_STATUSES, EMAIL_TEMPLATE_FILTERS, type EmailListQuery } from "~/domains/platform/email/email-log-query";

export function EmailFilters({ query }: { query: EmailListQuery }) {
  const { t } = useTranslation("email");
  return (
    <Form
      method="get"
      action="/admin/emails"
      role="search"
      aria-label={t("log.filters.label")}
      className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4"
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
      <div className="flex items-center gap-3">
        <Button>{t("log.filters.apply")}</Button>
        <Link to="/admin/emails" className="text-sm text-brand-700 underline">
          {t("log.filters.clear")}
        </Link>
      </div>
    </Form>
  );
}
