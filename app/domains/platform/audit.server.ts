// The audit trail: every admin action records who did what to which record, before and after.
import { prisma } from "~/infra/db.server";
import type { Tx } from "~/infra/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { clampPage } from "./list-query";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  ipAddress?: string | null;
};

export async function recordAudit(entry: AuditEntry, tx: Tx | typeof prisma = prisma) {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
      ipAddress: entry.ipAddress ?? null,
    },
  });
}

export type AuditFilters = {
  actorEmail?: string;
  action?: string;
  entityType?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
};

/** A page of the log, newest first; a page past the end is answered with the last page. */
export async function listAuditEntries({ actorEmail, action, entityType, from, to, page: requested, pageSize }: AuditFilters) {
  const where: Prisma.AuditLogWhereInput = {
    ...(actorEmail ? { actor: { email: { contains: actorEmail.toLowerCase() } } } : {}),
    ...(action ? { action } : {}),
    ...(entityType ? { entityType } : {}),
    ...(from || to ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
  };
  const total = await prisma.auditLog.count({ where });
  const page = clampPage(requested, total, pageSize);
  const [items, actions, entityTypes] = await Promise.all([
    prisma.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        action: true,
        entityType: true,
        entityId: true,
        before: true,
        after: true,
        ipAddress: true,
        createdAt: true,
        actor: { select: { id: true, email: true, name: true } },
      },
    }),
    prisma.auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    prisma.auditLog.findMany({ distinct: ["entityType"], select: { entityType: true }, orderBy: { entityType: "asc" } }),
  ]);
  return {
    items,
    total,
    page,
    pageSize,
    actions: actions.map((a) => a.action),
    entityTypes: entityTypes.map((e) => e.entityType),
    targets: await userTargetLabels(items),
  };
}

/** E-mail addresses of the users the entries are about, so the log reads "ann@…" rather than an id. */
async function userTargetLabels(items: Array<{ entityType: string; entityId: string | null }>): Promise<Record<string, string>> {
  const ids = [...new Set(items.filter((i) => i.entityType === "user" && i.entityId).map((i) => i.entityId!))];
  if (ids.length === 0) return {};
  const users = await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } });
  return Object.fromEntries(users.map((u) => [u.id, u.email]));
}
