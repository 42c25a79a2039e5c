// A sortable column header for server-sorted tables: a plain link (works without JavaScript)
// and aria-sort on the <th>, so screen readers announce the current order.
import { Link } from "@remix-run/react";

export type AriaSort = "ascending" | "descending" | "none";

export function SortHeader({ label, to, sort, className }: { label: string; to: string; sort: AriaSort; className?: string }) {
  const arrow = sort === "ascending" ? "▲" : sort === "descending" ? "▼" : "";
  return (
    <th scope="col" aria-sort={sort} className={className ?? "px-3 py-2 text-left font-semibold"}>
      <Link to={to} className="inline-flex items-center gap-1 underline decoration-slate-400 hover:text-brand-700">
        {label}
        {arrow ? <span aria-hidden="true">{arrow}</span> : null}
      </Link>
    </th>
  );
}
