// The kinds of report an admin can request, the permission each needs and how its filters are read
// from a form or query string. Pure, so the pages, the domain functions and the tests agree.
// Where each kind's rows and columns come from: report-registry.server.ts.
import { PERMISSIONS, type PermissionString } from "~/domains/identity/permissions";
import { parseUserListQuery, type UserListQuery } from "~/domains/identity/user-admin-query";
import { parseExportTimeZone, parseOrderListQuery, type OrderListQuery } from "~/domains/commerce/orders/order-list-query";

export const REPORT_KINDS = ["users", "orders"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export type ReportParams = {
  /** The /admin/users filters and order (the page is not part of an export). */
  users: Omit<UserListQuery, "page">;
  /** The /admin/shop/orders filters and order; `tz` is the requester's zone, for the date range. */
  orders: Omit<OrderListQuery, "page"> & { tz: string };
};

/** Besides create:export:own, requesting (and downloading) a kind needs the permission to read its list. */
export const REPORT_PERMISSIONS: Record<ReportKind, PermissionString> = {
  users: PERMISSIONS.readUserAny,
  orders: PERMISSIONS.readOrderAny,
};

export function isReportKind(value: unknown): value is ReportKind {
  return typeof value === "string" && (REPORT_KINDS as readonly string[]).includes(value);
}

function toSearchParams(input: URLSearchParams | FormData | Record<string, unknown>): URLSearchParams {
  const params = new URLSearchParams();
  const entries = input instanceof URLSearchParams || input instanceof FormData ? [...input.entries()] : Object.entries(input);
  for (const [key, value] of entries) if (typeof value === "string") params.set(key, value);
  return params;
}

/**
 * A kind's filters from a form, a query string or stored JSON, normalized the way its list reads
 * them (unknown or malformed values become the list's defaults, so stored params are always valid).
 */
export function parseReportParams<K extends ReportKind>(
  kind: K,
  input: URLSearchParams | FormData | Record<string, unknown>,
): ReportParams[K] {
  const params = toSearchParams(input);
  switch (kind) {
    case "users": {
      const { page: _page, ...query } = parseUserListQuery(params);
      return query as ReportParams[K];
    }
    case "orders": {
      const { page: _page, ...query } = parseOrderListQuery(params);
      return { ...query, tz: parseExportTimeZone(params) } as ReportParams[K];
    }
  }
  throw new Error(`unknown report kind ${String(kind)}`);
}

/** The part of a file name before the date: `users-20261124-0930.csv`. */
export function reportFileName(kind: ReportKind, at: Date): string {
  const iso = at.toISOString(); // 2026-11-24T09:30:12.345Z
  return `${kind}-${iso.slice(0, 10).replace(/-/g, "")}-${iso.slice(11, 13)}${iso.slice(14, 16)}.csv`;
}
