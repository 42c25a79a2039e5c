// The audit log filters: a GET form (actor e-mail, action, entity type, a range of the viewer's days).
import { useTranslation } from "react-i18next";
import { PlainField } from "~/components/ui/field";
import { SelectFilter } from "~/components/ui/select-filter";
import type { AuditQuery } from "~/domains/platform/audit-query";
import { FilterForm } from "~/components/ui/filter-form";

export function AuditFilters({ query, actions, entityTypes }: { query: AuditQuery; actions: string[]; entityTypes: string[] }) {
  const { t } = useTranslation("admin");
  return (
    <FilterForm
      action="/admin/audit"
      label={t("audit.filters.label")}
      applyLabel={t("audit.filters.apply")}
      clearLabel={t("audit.filters.clear")}
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
    </FilterForm>
  );
}
