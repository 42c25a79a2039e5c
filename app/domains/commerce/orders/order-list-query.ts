// The /admin/shop/orders list as a query string: search, status, payment method, a date range of
// the admin's calendar days, sort and page. Pure, so the page, the domain function, the CSV export
// and the tests read it the same way. `tz` travels with an export so the job reads the same days.
import { oneOf, parsePage, textParam, toSearch } from "~/domains/platform/list-query";
import { isValidTimeZone } from "~/utils/dates";
import { ORDER_STATUSES, type OrderStatus } from "~/domains/commerce/order-status";

export const ORDER_PAGE_SIZE = 25;
export const ORDER_SORT_KEYS = ["placed", "total", "number", "email"] as const;
export const PAYMENT_METHODS = ["stripe", "offline", "gift_card"] as const;
export const SORT_DIRECTIONS = ["asc", "desc"] as const;

export type OrderSortKey = (typeof ORDER_SORT_KEYS)[number];
export type PaymentMethodFilter = (typeof PAYMENT_METHODS)[number];
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export type OrderListQuery = {
  q: string;
  status: OrderStatus | "";
  payment: PaymentMethodFilter | "";
  /** YYYY-MM-DD in the admin's time zone, inclusive; "" = open. */
  from: string;
  to: string;
  sort: OrderSortKey;
  dir: SortDirection;
  page: number;
};

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function dayParam(params: URLSearchParams, key: string): string {
  const value = textParam(params, key, 10);
  if (!DAY.test(value)) return "";
  const date = new Date(`${value}T00:00:00Z`);
  return date.toISOString().slice(0, 10) === value ? value : "";
}

export function defaultDirection(sort: OrderSortKey): SortDirection {
  return sort === "placed" || sort === "total" ? "desc" : "asc";
}

export function parseOrderListQuery(params: URLSearchParams): OrderListQuery {
  const sort = oneOf(params.get("sort"), ORDER_SORT_KEYS, "placed");
  let from = dayParam(params, "from");
  let to = dayParam(params, "to");
  if (from && to && from > to) [from, to] = [to, from];
  return {
    q: textParam(params, "q", 100),
    status: oneOf<OrderStatus | "">(params.get("status"), ORDER_STATUSES, ""),
    payment: oneOf<PaymentMethodFilter | "">(params.get("payment"), PAYMENT_METHODS, ""),
    from,
    to,
    sort,
    dir: oneOf(params.get("dir"), SORT_DIRECTIONS, defaultDirection(sort)),
    page: parsePage(params.get("page")),
  };
}

/** The time zone an export was asked in (`tz`), UTC when missing or unknown. */
export function parseExportTimeZone(params: URLSearchParams): string {
  const tz = params.get("tz") ?? "";
  return isValidTimeZone(tz) ? tz : "UTC";
}

export function orderListSearch(query: OrderListQuery, overrides: Partial<OrderListQuery> = {}): string {
  const next = { ...query, ...overrides };
  return toSearch({
    q: next.q,
    status: next.status,
    payment: next.payment,
    from: next.from,
    to: next.to,
    sort: next.sort === "placed" ? "" : next.sort,
    dir: next.dir === defaultDirection(next.sort) ? "" : next.dir,
    page: next.page,
  });
}

export function sortLinkSearch(query: OrderListQuery, key: OrderSortKey): string {
  const dir = query.sort === key ? (query.dir === "asc" ? "desc" : "asc") : defaultDirection(key);
  return orderListSearch(query, { sort: key, dir, page: 1 });
}

export function ariaSortFor(query: OrderListQuery, key: OrderSortKey): "ascending" | "descending" | "none" {
  if (query.sort !== key) return "none";
  return query.dir === "asc" ? "ascending" : "descending";
}
