// /admin/audit: the audit trail, filtered by query strings and shown in the viewer's time zone.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuditFilters } from "~/components/admin/audit-filters";
import { AuditTable } from "~/components/admin/audit-table";
import { PageHeader } from "~/components/admin/page-header";
import { Pagination } from "~/components/ui/pagination";
import { requirePermission } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { AUDIT_PAGE_SIZE, dayRangeToUtc, parseAuditQuery } from "~/domains/platform/audit-query";
import { listAuditEntries } from "~/domains/platform/audit.server";
import { i18n } from "~/infra/i18n.server";

export const handle = { breadcrumb: "admin:nav.audit", i18n: ["admin"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Verso` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readAuditAny);
  const query = parseAuditQuery(new URL(request.url).searchParams);
  const range = dayRangeToUtc(query, viewer.timeZone);
  const [t, log] = await Promise.all([
    i18n.getFixedT(request, "admin"),
    listAuditEntries({
      actorEmail: query.actor || undefined,
      action: query.action || undefined,
      entityType: query.entityType || undefined,
      ...range,
      page: query.page,
      pageSize: AUDIT_PAGE_SIZE,
    }),
  ]);
  return {
    title: t("audit.title"),
    query: { ...query, page: log.page },
    entries: log.items,
    targets: log.targets,
    total: log.total,
    pageSize: log.pageSize,
    actions: log.actions,
    entityTypes: log.entityTypes,
  };
}

export default function AdminAudit() {
  const { query, entries, targets, total, pageSize, actions, entityTypes } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <div className="space-y-4">
      <PageHeader title={t("audit.title")} lead={t("audit.lead")} />
      <AuditFilters query={query} actions={actions} entityTypes={entityTypes} />
      <AuditTable entries={entries} targets={targets} />
      <Pagination page={query.page} pageSize={pageSize} total={total} />
    </div>
  );
}
