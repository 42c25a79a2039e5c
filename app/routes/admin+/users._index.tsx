// /admin/users: search, filter, sort and page through everyone, all as query strings.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/admin/page-header";
import { UserFilters } from "~/components/admin/user-filters";
import { UsersTable } from "~/components/admin/users-table";
import { ExportCsvForm } from "~/components/exports/export-csv-form";
import { Pagination } from "~/components/ui/pagination";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { listRoleNames } from "~/domains/identity/roles.server";
import { parseUserListQuery } from "~/domains/identity/user-admin-query";
import { listUsersForAdmin } from "~/domains/identity/user-admin.server";
import { i18n } from "~/infra/i18n.server";

export const handle = { i18n: ["admin", "exports"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Verso` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readUserAny);
  const query = parseUserListQuery(new URL(request.url).searchParams);
  const [t, list, roles] = await Promise.all([i18n.getFixedT(request, "admin"), listUsersForAdmin(query), listRoleNames()]);
  return {
    title: t("users.title"),
    query: { ...query, page: list.page },
    users: list.items,
    total: list.total,
    pageSize: list.pageSize,
    roles,
    canExport: userCan(viewer, PERMISSIONS.createExportOwn),
  };
}

export default function AdminUsers() {
  const { query, users, total, pageSize, roles, canExport } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const { page: _page, ...filters } = query;
  return (
    <div className="space-y-4">
      <PageHeader title={t("users.title")} lead={t("users.lead", { count: total })}>
        {canExport ? <ExportCsvForm kind="users" params={filters} label={t("exports:exportCsvLabel")} /> : null}
      </PageHeader>
      <UserFilters query={query} roles={roles} />
      <UsersTable rows={users} query={query} />
      <Pagination page={query.page} pageSize={pageSize} total={total} />
    </div>
  );
}
