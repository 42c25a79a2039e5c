// What each report kind exports: its columns (headers translated in the `exports` namespace as
// `csv.<kind>.<column>`) and its rows, page by page. Which kinds exist and who may request
// them: report-kinds.ts.
import type { CsvValue } from "./csv";
import { parseReportParams, type ReportKind } from "./report-kinds";
import { ORDERS_COLUMNS, ordersReportPages } from "./orders-report.server";
import { USERS_COLUMNS, usersReportPages } from "./users-report.server";

export type ReportSource = {
  columns: readonly string[];
  /** The rows, in pages of at most `pageSize`, each row in the order of `columns`. */
  pages(storedParams: unknown, pageSize: number): AsyncGenerator<CsvValue[][]>;
};

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export const REPORT_SOURCES: Record<ReportKind, ReportSource> = {
  users: {
    columns: USERS_COLUMNS,
    pages: (storedParams, pageSize) => usersReportPages(parseReportParams("users", record(storedParams)), pageSize),
  },
  orders: {
    columns: ORDERS_COLUMNS,
    pages: (storedParams, pageSize) => ordersReportPages(parseReportParams("orders", record(storedParams)), pageSize),
  },
};
