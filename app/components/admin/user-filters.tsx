// The /admin/users search and filters: a GET form, so results are a shareable URL and it works
// without JavaScript. The current sort travels in hidden fields.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { PlainField } from "~/components/ui/field";
import { SelectFilter } from "~/components/ui/select-filter";
import { USER_STATUS_FILTERS, type UserListQuery } from "~/domains/identity/user-admin-query";

export function UserFilters({ query, roles }: { query: UserListQuery; roles: string[] }) {
  const { t } = useTranslation("admin");
  return (
    <Form
      method="get"
      action="/admin/users"
      role="search"
      aria-label={t("users.filters.label")}
      className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4"
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
      <div className="flex items-center gap-3">
        <Button>{t("users.filters.apply")}</Button>
        <Link to="/admin/users" className="text-sm text-brand-700 underline">
          {t("users.filters.clear")}
        </Link>
      </div>
    </Form>
  );
}
