// Building one requested export: claim it (queued, or running after a crash, restarts from
// scratch), re-check that the requester may still read the list, stream the rows page by page into
// the CSV, then in one transaction store the file, mark it ready and queue the "export ready" e-mail.
// A ready (or failed, or expired) export is never rebuilt, so retries and duplicate runs are harmless.
import { hasPermission, PERMISSIONS } from "~/domains/identity/permissions";
import { getProfile } from "~/domains/identity/profile.server";
import { heldPermissions } from "~/domains/identity/roles.server";
import { prisma, type Tx } from "~/infra/db.server";
import { getEnv } from "~/infra/env.server";
import { i18n } from "~/infra/i18n.server";
import { queueTemplateEmail } from "../email/send-template.server";
import { PermanentJobError } from "../jobs/errors";
import { createCsvWriter } from "./csv";
import { isReportKind, REPORT_PERMISSIONS, reportFileName } from "./report-kinds";
import { REPORT_SOURCES } from "./report-registry.server";

/** Rows read per query. */
export const REPORT_PAGE_SIZE = 500;

export type GenerateOutcome = { skipped: string } | { exportId: string; rowCount: number; byteSize: number; fileName: string };

async function lockExport(tx: Tx, exportId: string) {
  const [row] = await tx.$queryRaw<Array<{ status: string }>>`
    SELECT "status"::text AS "status" FROM "ReportExport" WHERE "id" = ${exportId} FOR UPDATE`;
  return row ?? null;
}

export function exportDownloadUrl(exportId: string): string {
  return new URL(`/admin/exports/${encodeURIComponent(exportId)}/download`, getEnv().APP_URL).toString();
}

export async function generateReport({
  exportId,
  signal,
  pageSize = REPORT_PAGE_SIZE,
  now = () => new Date(),
}: {
  exportId: string;
  signal: AbortSignal;
  pageSize?: number;
  now?: () => Date;
}): Promise<GenerateOutcome> {
  const claimed = await prisma.$transaction(async (tx) => {
    const locked = await lockExport(tx, exportId);
    if (!locked) throw new PermanentJobError(`export ${exportId} no longer exists`);
    if (locked.status !== "queued" && locked.status !== "running") return { skipped: locked.status };
    return tx.reportExport.update({
      where: { id: exportId },
      data: { status: "running", startedAt: now(), completedAt: null, error: null },
      select: { id: true, kind: true, params: true, requestedById: true },
    });
  });
  if ("skipped" in claimed) return { skipped: `export is ${claimed.skipped}` };

  const { kind, params, requestedById } = claimed;
  if (!isReportKind(kind)) throw new PermanentJobError(`unknown report kind "${kind}"`);
  const requester = requestedById ? await getProfile({ userId: requestedById }) : null;
  if (!requestedById || !requester) throw new PermanentJobError("the person who requested this export no longer exists");
  const held = await heldPermissions(prisma, requestedById);
  for (const permission of [PERMISSIONS.createExportOwn, REPORT_PERMISSIONS[kind]]) {
    if (!hasPermission(held, permission)) {
      throw new PermanentJobError(`the requester no longer holds ${permission}`);
    }
  }

  const source = REPORT_SOURCES[kind];
  const t = await i18n.getFixedT(requester.locale, "exports");
  const writer = createCsvWriter(source.columns.map((column) => t(`csv.${kind}.${column}`)));
  for await (const rows of source.pages(params, pageSize)) {
    if (signal.aborted) throw new Error("export interrupted by a shutdown; it starts again on the next attempt");
    writer.write(rows);
  }
  const { content, byteSize, rowCount } = writer.finish();

  const completedAt = now();
  const expiresAt = new Date(completedAt.getTime() + getEnv().EXPORT_TTL_HOURS * 3600_000);
  const fileName = reportFileName(kind, completedAt);
  return prisma.$transaction(async (tx) => {
    const locked = await lockExport(tx, exportId);
    // another run of the same job finished first (or the export was removed meanwhile)
    if (!locked || locked.status !== "running") return { skipped: `export is ${locked?.status ?? "gone"}` };
    await tx.reportExport.update({
      where: { id: exportId },
      data: { status: "ready", content, byteSize, rowCount, fileName, completedAt, expiresAt, error: null },
      select: { id: true },
    });
    await queueTemplateEmail(tx, {
      to: requester.email,
      locale: requester.locale,
      template: "export-ready",
      props: {
        fileName,
        downloadUrl: exportDownloadUrl(exportId),
        expiresAt: expiresAt.toISOString(),
        rowCount,
        timeZone: requester.timeZone,
      },
    });
    return { exportId, rowCount, byteSize, fileName };
  });
}
