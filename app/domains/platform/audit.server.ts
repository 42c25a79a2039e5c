// The audit trail: every admin action records who did what to which record, before and after.
import { prisma } from "~/infra/db.server";
import type { Tx } from "~/infra/db.server";
import type { Prisma } from "~/generated/prisma/client";

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

export type AuditFilters = { actorEmail?: string; action?: string; entityType?: string; from?: Date; to?: Date; page: number; pageSize: number };

export async function listAuditEntries({ actorEmail, action, entityType, from, to, page, pageSize }: AuditFilters) {
  const where: Prisma.AuditLogWhereInput = {
    ...(actorEmail ? { actor: { email: { contains: actorEmail.toLowerCase() } } } : {}),
    ...(action ? { action } : {}),
    ...(entityType ? { entityType } : {}),
    ...(from || to ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
  };
  const [items, total, actions] = await Promise.all([
    prisma.auditLog.findMany({
      where,
      orderBy: { createdAt: "desc" },
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
    prisma.auditLog.count({ where }),
    prisma.auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  return { items, total, page, pageSize, actions: actions.map((a) => a.action) };
}
