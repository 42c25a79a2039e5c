// The /admin/users search and filters: a GET form, so results are a shareable URL and it works
// without JavaScript. The current sort travels in hidden fields.
import { useTranslation } from "react-i18next";
import { PlainField } from "~/components/ui/field";
import { SelectFilter } from "~/components/ui/select-filter";
import { USER_STATUS_FILTERS, type UserListQuery } from "~/domains/identity/user-admin-query";
import { FilterForm } from "~/components/ui/filter-form";

export function UserFilters({ query, roles }: { query: UserListQuery; roles: string[] }) {
  const { t } = useTranslation("admin");
  return (
    <FilterForm
      action="/admin/users"
      label={t("users.filters.label")}
      applyLabel={t("users.filters.apply")}
      clearLabel={t("users.filters.clear")}
    >
      <PlainField label={t("users.filters.search")} name="q" type="search" defaultValue={query.q} />
      <SelectFilter
        label={t("users.filters.role")}
        name="role"
        defaultValue={query.role}
        options={[{ value: "", label: t("users.filters.anyRole") }, ...roles.map((role) => ({ value: role, label: role }))]}
      />
      <SelectFilter
        label={t("users.filters.status")}
        name="status"
        defaultValue={query.status}
        options={[
          { value: "", label: t("users.filters.anyStatus") },
          ...USER_STATUS_FILTERS.map((status) => ({ value: status, label: t(`users.status.${status}`) })),
        ]}
      />
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
    </FilterForm>
  );
}
