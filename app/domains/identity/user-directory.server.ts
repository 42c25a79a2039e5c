// The read model of users for API clients: keyset pages over (createdAt, id), newest first, with
// filters, and one user by id. Read-only; changes to users go through the identity domain.
import type { Prisma } from "~/generated/prisma/client";
import { prisma, type Db, type Tx } from "~/infra/db.server";
import { pageOf, type CursorPosition } from "~/domains/platform/api/cursor";

const userSelect = {
  id: true,
  email: true,
  name: true,
  status: true,
  emailVerifiedAt: true,
  locale: true,
  timeZone: true,
  createdAt: true,
  roles: { select: { role: { select: { name: true } } }, orderBy: { role: { name: "asc" } } },
} as const;

type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;
export type DirectoryUser = Omit<UserRow, "roles"> & { roles: string[] };

function toDirectoryUser({ roles, ...user }: UserRow): DirectoryUser {
  return { ...user, roles: roles.map(({ role }) => role.name) };
}

export type UserDirectoryFilter = {
  /** Case-insensitive substring of the e-mail address or the name. */
  q?: string;
  status?: "active" | "deactivated";
  /** Holders of this role. */
  role?: string;
  /** Created strictly after / before these instants. */
  createdAfter?: Date;
  createdBefore?: Date;
};

export async function listUsersPage({
  after,
  limit,
  ...filter
}: { after: CursorPosition | null; limit: number } & UserDirectoryFilter) {
  const filters: Prisma.UserWhereInput[] = [];
  if (filter.q) {
    const q = filter.q;
    filters.push({ OR: [{ email: { contains: q, mode: "insensitive" } }, { name: { contains: q, mode: "insensitive" } }] });
  }
  if (filter.status) filters.push({ status: filter.status });
  if (filter.role) filters.push({ roles: { some: { role: { name: filter.role } } } });
  if (filter.createdAfter) filters.push({ createdAt: { gt: filter.createdAfter } });
  if (filter.createdBefore) filters.push({ createdAt: { lt: filter.createdBefore } });
  if (after) {
    filters.push({ OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] });
  }
  const rows = await prisma.user.findMany({
    where: filters.length ? { AND: filters } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: userSelect,
  });
  const page = pageOf(rows, limit);
  return { items: page.items.map(toDirectoryUser), nextCursor: page.nextCursor };
}

/** One user, or `null`; pass a transaction to read what it sees (under its row lock). */
export async function getUserById({ userId }: { userId: string }, db: Db | Tx = prisma): Promise<DirectoryUser | null> {
  const row = await db.user.findUnique({ where: { id: userId }, select: userSelect });
  return row ? toDirectoryUser(row) : null;
}
