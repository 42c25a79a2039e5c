// The people list: a real table with a caption and sortable column headers (links with aria-sort).
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SortHeader } from "~/components/ui/sort-header";
import { ariaSortFor, sortLinkSearch, type UserListQuery, type UserSortKey } from "~/domains/identity/user-admin-query";
import { useFormatDateTime } from "./use-format-date";

type Row = {
  id: string;
  name: string;
  email: string;
  status: string;
  verified: boolean;
  roles: string[];
  createdAt: Date | string;
  lastLoginAt: Date | string | null;
};

export function UserStatusBadge({ status, verified }: { status: string; verified: boolean }) {
  const { t } = useTranslation("admin");
  return (
    <span className="flex flex-wrap gap-1">
      <span
        className={
          status === "active"
            ? "rounded bg-emerald-100 px-2 py-0.5 text-emerald-900"
            : "rounded bg-red-100 px-2 py-0.5 text-red-900"
        }
      >
        {t(`users.status.${status}`)}
      </span>
      {verified ? null : <span className="rounded bg-amber-100 px-2 py-0.5 text-amber-900">{t("users.status.unverified")}</span>}
    </span>
  );
}

export function UsersTable({ rows, query }: { rows: Row[]; query: UserListQuery }) {
  const { t } = useTranslation("admin");
  const formatDate = useFormatDateTime();
  const header = (key: UserSortKey) => (
    <SortHeader
      label={t(`users.columns.${key}`)}
      to={`/admin/users${sortLinkSearch(query, key)}`}
      sort={ariaSortFor(query, key)}
    />
  );
  const sortName = t(`users.columns.${query.sort}`);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="px-3 py-2 text-left text-slate-700">
          {t("users.caption", { sort: sortName, direction: t(`users.direction.${query.dir}`) })}
        </caption>
        <thead className="bg-slate-50">
          <tr>
            {header("name")}
            {header("email")}
            <th scope="col" className="px-3 py-2 text-left font-semibold">
              {t("users.columns.roles")}
            </th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">
              {t("users.columns.status")}
            </th>
            {header("created")}
            {header("lastLogin")}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.length === 0 ? (
            <tr>
              <td colSpan={6} className="px-3 py-6 text-center text-slate-700">
                {t("users.empty")}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.id}>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <Link to={`/admin/users/${row.id}`} className="text-brand-700 underline">
                    {row.name}
                  </Link>
                </th>
                <td className="px-3 py-2">{row.email}</td>
                <td className="px-3 py-2">{row.roles.join(", ") || "—"}</td>
                <td className="px-3 py-2">
                  <UserStatusBadge status={row.status} verified={row.verified} />
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{formatDate(row.createdAt)}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {row.lastLoginAt ? formatDate(row.lastLoginAt) : t("users.never")}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
