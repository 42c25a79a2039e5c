// The audit log filters: a GET form (actor e-mail, action, entity type, a range of the viewer's days).
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { PlainField } from "~/components/ui/field";
import { SelectFilter } from "~/components/ui/select-filter";
import type { AuditQuery } from "~/domains/platform/audit-query";

export function AuditFilters({ query, actions, entityTypes }: { query: AuditQuery; actions: string[]; entityTypes: string[] }) {
  const { t } = useTranslation("admin");
  return (
    <Form
      method="get"
      action="/admin/audit"
      role="search"
      aria-label={t("audit.filters.label")}
      className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <PlainField label={t("audit.filters.actor")} name="actor" type="search" defaultValue={query.actor} />
      <SelectFilter
        label={t("audit.filters.action")}
        name="action"
        defaultValue={query.action}
        options={[{ value: "", label: t("audit.filters.any") }, ...actions.map((action) => ({ value: action, label: action }))]}
      />
      <SelectFilter
        label={t("audit.filters.entityType")}
        name="entityType"
        defaultValue={query.entityType}
        options={[{ value: "", label: t("audit.filters.any") }, ...entityTypes.map((type) => ({ value: type, label: type }))]}
      />
      <PlainField label={t("audit.filters.from")} name="from" type="date" defaultValue={query.from} />
      <PlainField label={t("audit.filters.to")} name="to" type="date" defaultValue={query.to} />
      <div className="flex items-center gap-3">
        <Button>{t("audit.filters.apply")}</Button>
        <Link to="/admin/audit" className="text-sm text-brand-700 underline">
          {t("audit.filters.clear")}
        </Link>
      </div>
    </Form>
  );
}
