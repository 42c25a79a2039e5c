// Requested exports: asking for one (the row and its generate_report job in one transaction), the
// list on /admin/exports, and the download. The requester sees their own exports; holders of
// read:export:any see everyone's. A file is only ever served to those people, and never after it
// expires.
import { DomainError } from "~/domains/errors";
import { hasPermission, PERMISSIONS } from "~/domains/identity/permissions";
import { heldPermissions } from "~/domains/identity/roles.server";
import { clampPage } from "~/domains/platform/list-query";
import { prisma } from "~/infra/db.server";
import { recordAudit } from "../audit.server";
import { enqueueJob } from "../outbox/outbox.server";
import { generateReportJob } from "./report.jobs.server";
import { isReportKind, parseReportParams, REPORT_PERMISSIONS, type ReportKind } from "./report-kinds";

/** Queued or running exports one person may have at a time. */
export const MAX_PENDING_EXPORTS = 5;
export const EXPORTS_PAGE_SIZE = 25;

export type ExportViewer = { id: string; permissions: ReadonlySet<string> };

export async function requestExport({
  requesterId,
  kind,
  params,
  ipAddress = null,
}: {
  requesterId: string;
  kind: string;
  params: URLSearchParams | FormData | Record<string, unknown>;
  ipAddress?: string | null;
}): Promise<{ id: string; kind: ReportKind }> {
  if (!isReportKind(kind)) throw new DomainError("unknown_kind", `No report kind "${kind}".`);
  const held = await heldPermissions(prisma, requesterId);
  for (const permission of [PERMISSIONS.createExportOwn, REPORT_PERMISSIONS[kind]]) {
    if (!hasPermission(held, permission))
      throw new DomainError("forbidden", `Requesting this export needs ${permission}.`, { permission });
  }
  const stored = parseReportParams(kind, params);
  return prisma.$transaction(async (tx) => {
    // one request at a time per person, so the pending limit holds under double submits
    await tx.$queryRaw`SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(${`report-export:${requesterId}`}))) AS locked`;
    const pending = await tx.reportExport.count({ where: { requestedById: requesterId, status: { in: ["queued", "running"] } } });
    if (pending >= MAX_PENDING_EXPORTS) {
      throw new DomainError("too_many_pending", `At most ${MAX_PENDING_EXPORTS} exports can be in preparation at once.`);
    }
    const row = await tx.reportExport.create({
      data: { kind, params: stored, requestedById: requesterId },
      select: { id: true },
    });
    await enqueueJob(tx, generateReportJob, { exportId: row.id });
    await recordAudit(
      {
        actorId: requesterId,
        action: "export.request",
        entityType: "export",
        entityId: row.id,
        after: { kind, params: stored },
        ipAddress,
      },
      tx,
    );
    return { id: row.id, kind };
  });
}

export type ExportStatusShown = "queued" | "running" | "ready" | "failed" | "expired";

/** A page of exports, newest first: the viewer's own, or everyone's when `everyone`. */
export async function listExports({
  viewerId,
  everyone,
  page: requested,
  pageSize = EXPORTS_PAGE_SIZE,
  now = new Date(),
}: {
  viewerId: string;
  everyone: boolean;
  page: number;
  pageSize?: number;
  now?: Date;
}) {
  const where = everyone ? {} : { requestedById: viewerId };
  const total = await prisma.reportExport.count({ where });
  const page = clampPage(requested, total, pageSize);
  const rows = await prisma.reportExport.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      kind: true,
      params: true,
      status: true,
      fileName: true,
      byteSize: true,
      rowCount: true,
      error: true,
      createdAt: true,
      completedAt: true,
      expiresAt: true,
      requestedById: true,
      requestedBy: { select: { name: true, email: true } },
    },
  });
  const items = rows.map(({ status, params, kind, ...row }) => ({
    ...row,
    kind,
    params: isReportKind(kind) ? parseReportParams(kind, (params ?? {}) as Record<string, unknown>) : {},
    // the cleanup job marks expired files periodically; until it runs, the clock decides
    status: (status === "ready" && row.expiresAt && row.expiresAt <= now ? "expired" : status) as ExportStatusShown,
  }));
  return { items, total, page, pageSize };
}

export type ExportDownload =
  | { outcome: "not_found" | "forbidden" | "pending" | "gone" }
  | { outcome: "file"; file: { fileName: string; contentType: string; content: Uint8Array<ArrayBuffer>; byteSize: number } };

/**
 * The file of a ready export, for its requester or a holder of read:export:any (anyone else is told
 * it does not exist); the viewer must still be allowed to read the list it came from. Each download
 * is audited.
 */
export async function getExportDownload({
  exportId,
  viewer,
  ipAddress = null,
  now = new Date(),
}: {
  exportId: string;
  viewer: ExportViewer;
  ipAddress?: string | null;
  now?: Date;
}): Promise<ExportDownload> {
  const row = await prisma.reportExport.findUnique({
    where: { id: exportId },
    select: { id: true, kind: true, status: true, requestedById: true, fileName: true, contentType: true, expiresAt: true },
  });
  if (!row) return { outcome: "not_found" };
  if (row.requestedById !== viewer.id && !hasPermission(viewer.permissions, PERMISSIONS.readExportAny)) {
    return { outcome: "not_found" };
  }
  if (!isReportKind(row.kind) || !hasPermission(viewer.permissions, REPORT_PERMISSIONS[row.kind]))
    return { outcome: "forbidden" };
  if (row.status === "expired" || (row.status === "ready" && row.expiresAt !== null && row.expiresAt <= now)) {
    return { outcome: "gone" };
  }
  if (row.status === "queued" || row.status === "running") return { outcome: "pending" };
  if (row.status !== "ready") return { outcome: "not_found" };
  const file = await prisma.reportExport.findUnique({ where: { id: row.id }, select: { content: true, byteSize: true } });
  if (!file?.content) return { outcome: "gone" };
  await recordAudit({
    actorId: viewer.id,
    action: "export.download",
    entityType: "export",
    entityId: row.id,
    after: { fileName: row.fileName, byteSize: file.content.byteLength },
    ipAddress,
  });
  return {
    outcome: "file",
    file: {
      fileName: row.fileName ?? `${row.kind}.csv`,
      contentType: row.contentType,
      content: new Uint8Array(file.content),
      byteSize: file.content.byteLength,
    },
  };
}
