// /admin/exports/:exportId/download — the CSV file of a ready export, as an attachment, to its
// requester or a holder of read:export:any (404 for anyone else, 410 once it has expired).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { forbidden, requireUser, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { getExportDownload } from "~/domains/platform/reports/exports.server";
import { i18n } from "~/infra/i18n.server";

const PRIVATE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

function text(body: string, status: number) {
  return new Response(body, { status, headers: { ...PRIVATE, "Content-Type": "text/plain; charset=utf-8" } });
}

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987 form. */
function contentDisposition(fileName: string) {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  if (!userCan(viewer, PERMISSIONS.createExportOwn) && !userCan(viewer, PERMISSIONS.readExportAny)) {
    throw forbidden(PERMISSIONS.createExportOwn);
  }
  const result = await getExportDownload({
    exportId: params.exportId ?? "",
    viewer,
    ipAddress: context.clientIp ?? null,
  });
  const t = await i18n.getFixedT(request, "exports");
  switch (result.outcome) {
    case "not_found":
      return text(t("errors.notFound"), 404);
    case "forbidden":
      return text(t("errors.forbidden"), 403);
    case "pending":
      return text(t("errors.pending"), 409);
    case "gone":
      return text(t("errors.gone"), 410);
    case "file":
      return new Response(result.file.content, {
        status: 200,
        headers: {
          ...PRIVATE,
          "Content-Type": result.file.contentType,
          "Content-Length": String(result.file.byteSize),
          "Content-Disposition": contentDisposition(result.file.fileName),
        },
      });
  }
}
