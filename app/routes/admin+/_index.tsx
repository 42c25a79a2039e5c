// The admin dashboard: headline numbers about people and sign-ins, and the latest audit entries.
// Each block is shown only to viewers with the permission of the page it links to.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader, Section } from "~/components/admin/page-header";
import { useFormatDateTime } from "~/components/admin/use-format-date";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { getUserStats } from "~/domains/identity/user-admin.server";
import { listAuditEntries } from "~/domains/platform/audit.server";
import { i18n } from "~/infra/i18n.server";

export const handle = { i18n: ["admin"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Verso` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, PERMISSIONS.readAdminAny);
  const [t, stats, audit] = await Promise.all([
    i18n.getFixedT(request, "admin"),
    userCan(user, PERMISSIONS.readUserAny) ? getUserStats() : null,
    userCan(user, PERMISSIONS.readAuditAny) ? listAuditEntries({ page: 1, pageSize: 5 }) : null,
  ]);
  return {
    title: t("dashboard.title"),
    stats,
    latestAudit:
      audit?.items.map((item) => ({
        id: item.id,
        action: item.action,
        entityType: item.entityType,
        target: (item.entityId && audit.targets[item.entityId]) ?? item.entityId,
        actor: item.actor?.email ?? null,
        createdAt: item.createdAt,
      })) ?? null,
  };
}

function StatCard({ label, value, to }: { label: string; value: number; to: string }) {
  return (
    <li>
      <Link
        to={to}
        className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600 hover:bg-brand-50"
      >
        <span className="block text-sm text-slate-700">{label}</span>
        <span className="mt-1 block text-3xl font-bold tabular-nums">{value}</span>
      </Link>
    </li>
  );
}

export default function AdminDashboard() {
  const { stats, latestAudit } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const formatDate = useFormatDateTime();
  return (
    <div className="space-y-6">
      <PageHeader title={t("dashboard.title")} lead={t("dashboard.lead")} />
      {stats ? (
        <section aria-labelledby="stats-title" className="space-y-3">
          <h2 id="stats-title" className="text-lg font-semibold">
            {t("dashboard.people")}
          </h2>
          <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <StatCard label={t("dashboard.stats.total")} value={stats.total} to="/admin/users" />
            <StatCard label={t("dashboard.stats.active")} value={stats.active} to="/admin/users?status=active" />
            <StatCard label={t("dashboard.stats.deactivated")} value={stats.deactivated} to="/admin/users?status=deactivated" />
            <StatCard label={t("dashboard.stats.unverified")} value={stats.unverified} to="/admin/users?status=unverified" />
            <StatCard label={t("dashboard.stats.newLastWeek")} value={stats.newLastWeek} to="/admin/users?sort=created" />
            <StatCard label={t("dashboard.stats.activeSessions")} value={stats.activeSessions} to="/admin/users?sort=lastLogin" />
            <StatCard label={t("dashboard.stats.failedLogins")} value={stats.failedLogins} to="/admin/users?sort=lastLogin" />
          </ul>
        </section>
      ) : null}
      {latestAudit ? (
        <Section title={t("dashboard.latestAudit")} id="latest-audit">
          {latestAudit.length === 0 ? (
            <p className="text-slate-700">{t("audit.empty")}</p>
          ) : (
            <ul className="divide-y divide-slate-200">
              {latestAudit.map((entry) => (
                <li key={entry.id} className="flex flex-wrap justify-between gap-2 py-2 text-sm">
                  <span>
                    <span className="font-mono">{entry.action}</span> · {entry.entityType} {entry.target ?? ""} ·{" "}
                    {entry.actor ?? t("audit.system")}
                  </span>
                  <span className="text-slate-700">{formatDate(entry.createdAt)}</span>
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to="/admin/audit" className="text-sm font-medium text-brand-700 underline">
              {t("dashboard.allAudit")}
            </Link>
          </p>
        </Section>
      ) : null}
      {!stats && !latestAudit ? <p className="text-slate-700">{t("dashboard.nothing")}</p> : null}
    </div>
  );
}
