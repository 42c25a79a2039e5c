// An accessible data table: a caption (visible, or for screen readers only), column headers with
// scope="col", rows given as children. `Td` and `RowHeader` (scope="row") are its body cells.
import { Fragment, type ReactNode, type TdHTMLAttributes } from "react";
import { cn } from "~/utils/cn";

export type TableColumn = {
  key: string;
  label: ReactNode;
  align?: "left" | "right";
  /** A complete header cell (e.g. `<SortHeader>`, which carries aria-sort) rendered instead of the default `<th>`. */
  sort?: ReactNode;
};

const cell = "px-3 py-2";

export function Table({
  caption,
  captionHidden = false,
  columns,
  empty,
  children,
}: {
  caption: ReactNode;
  captionHidden?: boolean;
  columns: TableColumn[];
  /** When set, shown in one full-width row instead of the children. */
  empty?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className={captionHidden ? "sr-only" : "px-3 py-2 text-left text-slate-700"}>{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            {columns.map((column) =>
              column.sort ? (
                <Fragment key={column.key}>{column.sort}</Fragment>
              ) : (
                <th
                  key={column.key}
                  scope="col"
                  className={cn(cell, "font-semibold", column.align === "right" ? "text-right" : "text-left")}
                >
                  {column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 align-top">
          {empty != null ? (
            <tr>
              <td colSpan={columns.length} className="px-3 py-6 text-center text-slate-700">
                {empty}
              </td>
            </tr>
          ) : (
            children
          )}
        </tbody>
      </table>
    </div>
  );
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn(cell, className)} {...props} />;
}

export function RowHeader({ children }: { children: ReactNode }) {
  return (
    <th scope="row" className={cn(cell, "text-left font-medium")}>
      {children}
    </th>
  );
}
