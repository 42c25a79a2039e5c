// /admin/exports — the CSV exports the viewer requested (everyone's with read:export:any): status,
// filters, download while kept. POST here (from "Export CSV" on a list) requests a new one.
// While something is in preparation the page polls with JavaScript; without it, a Refresh link.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/admin/page-header";
import { ExportsTable } from "~/components/exports/exports-table";
import { useRevalidateWhile } from "~/components/exports/use-revalidate-while";
import { Pagination } from "~/components/ui/pagination";
import { isDomainError } from "~/domains/errors";
import { forbidden, requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { parsePage } from "~/domains/platform/list-query";
import { listExports, requestExport } from "~/domains/platform/reports/exports.server";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { getEnv } from "~/infra/env.server";
import { redirectWithToast } from "~/infra/flash.server";
import { i18n } from "~/infra/i18n.server";

export const handle = { i18n: ["exports", "admin"], breadcrumb: "admin:nav.exports" };

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: `${loaderData?.title ?? ""} · Verso` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.createExportOwn);
  const everyone = userCan(viewer, PERMISSIONS.readExportAny);
  const [t, list] = await Promise.all([
    i18n.getFixedT(request, "exports"),
    listExports({ viewerId: viewer.id, everyone, page: parsePage(new URL(request.url).searchParams.get("page")) }),
  ]);
  return data(
    {
      title: t("title"),
      everyone,
      ttlHours: getEnv().EXPORT_TTL_HOURS,
      exports: list.items,
      page: list.page,
      pageSize: list.pageSize,
      total: list.total,
      pending: list.items.some((item) => item.status === "queued" || item.status === "running"),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.createExportOwn);
  const formData = await parseFormWithCsrf(request);
  const t = await i18n.getFixedT(request, "exports");
  try {
    await requestExport({
      requesterId: viewer.id,
      kind: String(formData.get("kind") ?? ""),
      params: formData,
      ipAddress: context.clientIp ?? null,
    });
  } catch (error) {
    if (isDomainError(error, "forbidden")) throw forbidden(String(error.details.permission ?? ""));
    if (isDomainError(error, "unknown_kind")) throw new Response(t("errors.unknown_kind"), { status: 400 });
    if (isDomainError(error, "too_many_pending")) {
      return redirectWithToast(request, "/admin/exports", { kind: "error", message: t("errors.too_many_pending") });
    }
    throw error;
  }
  return redirectWithToast(request, "/admin/exports", { kind: "success", message: t("toast.requested") });
}

export default function AdminExports() {
  const { everyone, ttlHours, exports, page, pageSize, total, pending } = useLoaderData<typeof loader>();
  const { t } = useTranslation("exports");
  const location = useLocation();
  useRevalidateWhile(pending);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} lead={t(everyone ? "leadEveryone" : "lead", { hours: ttlHours })} />
      {pending ? (
        <p
          role="status"
          className="flex flex-wrap items-center gap-3 rounded-md border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950"
        >
          <span>{t("pendingNote")}</span>
          <Link to={`${location.pathname}${location.search}`} className="text-brand-700 underline">
            {t("refresh")}
          </Link>
        </p>
      ) : null}
      <ExportsTable rows={exports} showRequester={everyone} />
      {total > pageSize ? <Pagination page={page} pageSize={pageSize} total={total} /> : null}
    </div>
  );
}
