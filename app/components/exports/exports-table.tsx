// The requested exports: what was exported with which filters, where it stands, and the download
// link while the file is kept. Times in the viewer's time zone.
import { useTranslation } from "react-i18next";
import { useFormatDateTime } from "~/components/admin/use-format-date";
import { RowHeader, Table, Td } from "~/components/ui/table";
import { useRootData } from "~/root";
import { cn } from "~/utils/cn";

export type ExportRow = {
  id: string;
  kind: string;
  params: Record<string, unknown>;
  status: "queued" | "running" | "ready" | "failed" | "expired";
  fileName: string | null;
  byteSize: number | null;
  rowCount: number | null;
  error: string | null;
  createdAt: Date | string;
  completedAt: Date | string | null;
  expiresAt: Date | string | null;
  requestedBy: { name: string; email: string } | null;
};

const STATUS_STYLE: Record<ExportRow["status"], string> = {
  queued: "bg-slate-100 text-slate-900",
  running: "bg-sky-100 text-sky-900",
  ready: "bg-emerald-100 text-emerald-900",
  failed: "bg-red-100 text-red-900",
  expired: "bg-amber-100 text-amber-900",
};

function FiltersSummary({ kind, params }: { kind: string; params: Record<string, unknown> }) {
  const { t } = useTranslation("exports");
  if (kind !== "users") return <span>—</span>;
  const text = (key: string) => (typeof params[key] === "string" ? (params[key] as string) : "");
  const parts = [
    text("q") && t("filters.q", { value: text("q") }),
    text("role") && t("filters.role", { value: text("role") }),
    text("status") && t("filters.status", { value: t(`admin:users.status.${text("status")}`) }),
  ].filter(Boolean);
  return (
    <ul className="space-y-0.5">
      {(parts.length ? parts : [t("filters.all")]).map((part) => (
        <li key={part}>{part}</li>
      ))}
      {text("sort") ? (
        <li className="text-slate-700">
          {t("filters.sort", {
            column: t(`admin:users.columns.${text("sort")}`),
            direction: t(`admin:users.direction.${text("dir") || "asc"}`),
          })}
        </li>
      ) : null}
    </ul>
  );
}

function useFormatSize() {
  const locale = useRootData()?.locale ?? "en";
  return (bytes: number | null) => {
    if (bytes === null) return "—";
    const [value, unit] =
      bytes < 1024 ? [bytes, "byte"] : bytes < 1024 ** 2 ? [bytes / 1024, "kilobyte"] : [bytes / 1024 ** 2, "megabyte"];
    return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 }).format(
      value as number,
    );
  };
}

export function ExportsTable({ rows, showRequester }: { rows: ExportRow[]; showRequester: boolean }) {
  const { t, i18n } = useTranslation("exports");
  const formatDate = useFormatDateTime();
  const formatSize = useFormatSize();
  const formatCount = (n: number | null) => (n === null ? "—" : new Intl.NumberFormat(i18n.language).format(n));
  return (
    <Table
      caption={t("caption")}
      columns={[
        { key: "kind", label: t("columns.kind") },
        { key: "filters", label: t("columns.filters") },
        { key: "status", label: t("columns.status") },
        { key: "rows", label: t("columns.rows"), align: "right" },
        { key: "size", label: t("columns.size"), align: "right" },
        { key: "requested", label: t("columns.requested") },
        { key: "finished", label: t("columns.finished") },
        { key: "expires", label: t("columns.expires") },
        ...(showRequester ? [{ key: "requester", label: t("columns.requester") }] : []),
        { key: "file", label: t("columns.file") },
      ]}
      empty={rows.length === 0 ? t("empty") : undefined}
    >
      {rows.map((row) => (
        <tr key={row.id}>
          <RowHeader>{t(`kinds.${row.kind}`, { defaultValue: row.kind })}</RowHeader>
          <Td>
            <FiltersSummary kind={row.kind} params={row.params} />
          </Td>
          <Td>
            <span className={cn("rounded px-2 py-0.5 whitespace-nowrap", STATUS_STYLE[row.status])}>
              {t(`status.${row.status}`)}
            </span>
            {row.status === "failed" ? (
              <p className="mt-1 max-w-xs text-xs text-red-800">{row.error ?? t("errors.failed")}</p>
            ) : null}
          </Td>
          <Td className="text-right tabular-nums">{formatCount(row.rowCount)}</Td>
          <Td className="text-right whitespace-nowrap tabular-nums">{formatSize(row.byteSize)}</Td>
          <Td className="whitespace-nowrap">{formatDate(row.createdAt)}</Td>
          <Td className="whitespace-nowrap">{formatDate(row.completedAt)}</Td>
          <Td className="whitespace-nowrap">{formatDate(row.expiresAt)}</Td>
          {showRequester ? (
            <Td>{row.requestedBy ? `${row.requestedBy.name} <${row.requestedBy.email}>` : t("deletedUser")}</Td>
          ) : null}
          <Td>
            {row.status === "ready" && row.fileName ? (
              <a
                href={`/admin/exports/${encodeURIComponent(row.id)}/download`}
                download={row.fileName}
                aria-label={t("downloadLabel", { fileName: row.fileName })}
                className="text-brand-700 underline"
              >
                {t("download")}
              </a>
            ) : (
              "—"
            )}
          </Td>
        </tr>
      ))}
    </Table>
  );
}
