// Audit entries: who did what to which record, the changed fields before → after, from where, when.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { diffLines } from "~/domains/platform/audit-diff";
import { useFormatDateTime } from "./use-format-date";

type Entry = {
  id: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ipAddress: string | null;
  createdAt: Date | string;
  actor: { id: string; email: string; name: string } | null;
};

function targetHref(entityType: string, entityId: string) {
  if (entityType === "user") return `/admin/users/${encodeURIComponent(entityId)}`;
  if (entityType === "role") return `/admin/roles/${encodeURIComponent(entityId)}`;
  return null;
}

function Changes({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation("admin");
  const lines = diffLines(before, after);
  if (lines.length === 0) return <span>—</span>;
  return (
    <dl className="space-y-1">
      {lines.map((line) => (
        <div key={line.key}>
          <dt className="font-mono text-xs text-slate-700">{line.key}</dt>
          <dd>
            <del className="text-red-800" aria-label={t("audit.before")}>
              {line.before}
            </del>{" "}
            <span aria-hidden="true">→</span>{" "}
            <ins className="text-emerald-800 no-underline" aria-label={t("audit.after")}>
              {line.after}
            </ins>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function AuditTable({ entries, targets }: { entries: Entry[]; targets: Record<string, string> }) {
  const { t } = useTranslation("admin");
  const formatDate = useFormatDateTime();
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="px-3 py-2 text-left text-slate-700">{t("audit.caption")}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="px-3 py-2 text-left">
              {t("audit.columns.time")}
            </th>
            <th scope="col" className="px-3 py-2 text-left">
              {t("audit.columns.actor")}
            </th>
            <th scope="col" className="px-3 py-2 text-left">
              {t("audit.columns.action")}
            </th>
            <th scope="col" className="px-3 py-2 text-left">
              {t("audit.columns.target")}
            </th>
            <th scope="col" className="px-3 py-2 text-left">
              {t("audit.columns.changes")}
            </th>
            <th scope="col" className="px-3 py-2 text-left">
              {t("audit.columns.ip")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 align-top">
          {entries.length === 0 ? (
            <tr>
              <td colSpan={6} className="px-3 py-6 text-center text-slate-700">
                {t("audit.empty")}
              </td>
            </tr>
          ) : (
            entries.map((entry) => {
              const href = entry.entityId ? targetHref(entry.entityType, entry.entityId) : null;
              const label = entry.entityId ? (targets[entry.entityId] ?? entry.entityId) : "—";
              return (
                <tr key={entry.id}>
                  <td className="px-3 py-2 whitespace-nowrap">{formatDate(entry.createdAt)}</td>
                  <td className="px-3 py-2">{entry.actor ? entry.actor.email : t("audit.system")}</td>
                  <td className="px-3 py-2 font-mono">{entry.action}</td>
                  <td className="px-3 py-2">
                    <span className="text-slate-700">{entry.entityType}</span>{" "}
                    {href ? (
                      <Link to={href} className="text-brand-700 underline">
                        {label}
                      </Link>
                    ) : (
                      label
                    )}
                  </td>
                  <td className="px-3 py-2">
                    <Changes before={entry.before} after={entry.after} />
                  </td>
                  <td className="px-3 py-2">{entry.ipAddress ?? "—"}</td>
                </tr>
              );
            })
          )}
        </tbody>
      </table>
    </div>
  );
}
