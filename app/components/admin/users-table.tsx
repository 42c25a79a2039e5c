// The people list: a real table with a caption and sortable column headers (links with aria-sort).
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SortHeader } from "~/components/ui/sort-header";
import { RowHeader, Table, Td } from "~/components/ui/table";
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
  const sortable = (key: UserSortKey) => ({
    key,
    label: t(`users.columns.${key}`),
    sort: (
      <SortHeader
        label={t(`users.columns.${key}`)}
        to={`/admin/users${sortLinkSearch(query, key)}`}
        sort={ariaSortFor(query, key)}
      />
    ),
  });
  const sortName = t(`users.columns.${query.sort}`);
  return (
    <Table
      caption={t("users.caption", { sort: sortName, direction: t(`users.direction.${query.dir}`) })}
      columns={[
        sortable("name"),
        sortable("email"),
        { key: "roles", label: t("users.columns.roles") },
        { key: "status", label: t("users.columns.status") },
        sortable("created"),
        sortable("lastLogin"),
      ]}
      empty={rows.length === 0 ? t("users.empty") : undefined}
    >
      {rows.map((row) => (
        <tr key={row.id}>
          <RowHeader>
            <Link to={`/admin/users/${row.id}`} className="text-brand-700 underline">
              {row.name}
            </Link>
          </RowHeader>
          <Td>{row.email}</Td>
          <Td>{row.roles.join(", ") || "—"}</Td>
          <Td>
            <UserStatusBadge status={row.status} verified={row.verified} />
          </Td>
          <Td className="whitespace-nowrap">{formatDate(row.createdAt)}</Td>
          <Td className="whitespace-nowrap">{row.lastLoginAt ? formatDate(row.lastLoginAt) : t("users.never")}</Td>
        </tr>
      ))}
    </Table>
  );
}
