// The /admin/users list read in keyset pages (for exports): the same filters and the same order as
// the admin list, but each page continues after the last row of the previous one, so a long
// export never re-reads (or skips) rows the way OFFSET paging does when the table changes.
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/infra/db.server";
import type { UserListQuery } from "./user-admin-query";
import { USER_LIST_SELECT, userListOrderBy, userListWhere } from "./user-admin.server";

/** Where the next page starts: the last row's id and its value of the sort column (ISO for dates). */
export type UserKeysetCursor = { id: string; key: string | null };

export type ExportedUser = {
  id: string;
  name: string;
  email: string;
  status: "active" | "deactivated";
  emailVerifiedAt: Date | null;
  createdAt: Date;
  lastLoginAt: Date | null;
  roles: string[];
};

type Query = Pick<UserListQuery, "q" | "role" | "status" | "sort" | "dir">;

function after(query: Query, cursor: UserKeysetCursor): Prisma.UserWhereInput {
  const cmp = query.dir === "asc" ? "gt" : "lt";
  const { id, key } = cursor;
  switch (query.sort) {
    case "email":
      return { email: { [cmp]: key ?? "" } };
    case "name":
      return { OR: [{ name: { [cmp]: key ?? "" } }, { name: key ?? "", id: { [cmp]: id } }] };
    case "lastLogin": {
      // nulls sort last in both directions
      if (key === null) return { lastLoginAt: null, id: { [cmp]: id } };
      const at = new Date(key);
      return { OR: [{ lastLoginAt: { [cmp]: at } }, { lastLoginAt: at, id: { [cmp]: id } }, { lastLoginAt: null }] };
    }
    default: {
      const at = new Date(key ?? 0);
      return { OR: [{ createdAt: { [cmp]: at } }, { createdAt: at, id: { [cmp]: id } }] };
    }
  }
}

function keyOf(query: Query, user: ExportedUser): string | null {
  switch (query.sort) {
    case "email":
      return user.email;
    case "name":
      return user.name;
    case "lastLogin":
      return user.lastLoginAt?.toISOString() ?? null;
    default:
      return user.createdAt.toISOString();
  }
}

/** One page of the filtered, sorted users list and the cursor of the next page (null at the end). */
export async function listUsersKeysetPage({
  query,
  cursor,
  limit,
}: {
  query: Query;
  cursor: UserKeysetCursor | null;
  limit: number;
}): Promise<{ rows: ExportedUser[]; next: UserKeysetCursor | null }> {
  const filters = userListWhere(query);
  const users = await prisma.user.findMany({
    where: cursor ? { AND: [filters, after(query, cursor)] } : filters,
    orderBy: userListOrderBy(query),
    take: limit + 1,
    select: USER_LIST_SELECT,
  });
  const rows = users.slice(0, limit).map(({ roles, ...user }) => ({ ...user, roles: roles.map((r) => r.role.name) }));
  const last = rows.at(-1);
  return { rows, next: users.length > limit && last ? { id: last.id, key: keyOf(query, last) } : null };
}
