// The read model of users for API clients: keyset pages over (createdAt, id), newest first, and one
// user by id. Read-only; changes to users go through the identity domain.
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/infra/db.server";
import { pageOf, type CursorPosition } from "~/domains/platform/api/cursor";

const userSelect = { id: true, email: true, name: true, status: true, emailVerifiedAt: true, createdAt: true } as const;

export type DirectoryUser = Prisma.UserGetPayload<{ select: typeof userSelect }>;

export async function listUsersPage({ after, limit, q }: { after: CursorPosition | null; limit: number; q?: string }) {
  const filters: Prisma.UserWhereInput[] = [];
  if (q) {
    filters.push({ OR: [{ email: { contains: q, mode: "insensitive" } }, { name: { contains: q, mode: "insensitive" } }] });
  }
  if (after) {
    filters.push({ OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] });
  }
  const rows = await prisma.user.findMany({
    where: filters.length ? { AND: filters } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: userSelect,
  });
  return pageOf(rows, limit);
}

export async function getUserById({ userId }: { userId: string }): Promise<DirectoryUser | null> {
  return prisma.user.findUnique({ where: { id: userId }, select: userSelect });
}
