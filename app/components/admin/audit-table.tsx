// Audit entries: who did what to which record, the changed fields before → after, from where, when.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Table, Td } from "~/components/ui/table";
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
    <Table
      caption={t("audit.caption")}
      columns={[
        { key: "time", label: t("audit.columns.time") },
        { key: "actor", label: t("audit.columns.actor") },
        { key: "action", label: t("audit.columns.action") },
        { key: "target", label: t("audit.columns.target") },
        { key: "changes", label: t("audit.columns.changes") },
        { key: "ip", label: t("audit.columns.ip") },
      ]}
      empty={entries.length === 0 ? t("audit.empty") : undefined}
    >
      {entries.map((entry) => {
        const href = entry.entityId ? targetHref(entry.entityType, entry.entityId) : null;
        const label = entry.entityId ? (targets[entry.entityId] ?? entry.entityId) : "—";
        return (
          <tr key={entry.id}>
            <Td className="whitespace-nowrap">{formatDate(entry.createdAt)}</Td>
            <Td>{entry.actor ? entry.actor.email : t("audit.system")}</Td>
            <Td className="font-mono">{entry.action}</Td>
            <Td>
              <span className="text-slate-700">{entry.entityType}</span>{" "}
              {href ? (
                <Link to={href} className="text-brand-700 underline">
                  {label}
                </Link>
              ) : (
                label
              )}
            </Td>
            <Td>
              <Changes before={entry.before} after={entry.after} />
            </Td>
            <Td>{entry.ipAddress ?? "—"}</Td>
          </tr>
        );
      })}
    </Table>
  );
}
