// The /admin/users list as a query string: search, role and status filters, sort and page.
// Pure, so the page, the domain function and the tests agree on one parser.
import { oneOf, parsePage, textParam, toSearch } from "~/domains/platform/list-query";

export const USER_PAGE_SIZE = 25;
export const USER_SORT_KEYS = ["name", "email", "created", "lastLogin"] as const;
export const USER_STATUS_FILTERS = ["active", "deactivated", "unverified"] as const;
export const SORT_DIRECTIONS = ["asc", "desc"] as const;

export type UserSortKey = (typeof USER_SORT_KEYS)[number];
export type UserStatusFilter = (typeof USER_STATUS_FILTERS)[number];
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export type UserListQuery = {
  q: string;
  role: string;
  status: UserStatusFilter | "";
  sort: UserSortKey;
  dir: SortDirection;
  page: number;
};

const ROLE_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;

export function parseUserListQuery(params: URLSearchParams): UserListQuery {
  const sort = oneOf(params.get("sort"), USER_SORT_KEYS, "created");
  const role = textParam(params, "role", 40);
  return {
    q: textParam(params, "q", 100),
    role: ROLE_PATTERN.test(role) ? role : "",
    status: oneOf<UserStatusFilter | "">(params.get("status"), USER_STATUS_FILTERS, ""),
    sort,
    dir: oneOf(params.get("dir"), SORT_DIRECTIONS, defaultDirection(sort)),
    page: parsePage(params.get("page")),
  };
}

/** Dates read newest first by default; names and e-mails A to Z. */
export function defaultDirection(sort: UserSortKey): SortDirection {
  return sort === "created" || sort === "lastLogin" ? "desc" : "asc";
}

export function userListSearch(query: UserListQuery, overrides: Partial<UserListQuery> = {}): string {
  const next = { ...query, ...overrides };
  return toSearch({
    q: next.q,
    role: next.role,
    status: next.status,
    sort: next.sort === "created" && next.dir === "desc" ? "" : next.sort,
    dir: next.dir === defaultDirection(next.sort) ? "" : next.dir,
    page: next.page,
  });
}

/** The link a column header points to: the same column flips direction, another starts at its default; back to page 1. */
export function sortLinkSearch(query: UserListQuery, key: UserSortKey): string {
  const dir = query.sort === key ? (query.dir === "asc" ? "desc" : "asc") : defaultDirection(key);
  return userListSearch(query, { sort: key, dir, page: 1 });
}

export function ariaSortFor(query: UserListQuery, key: UserSortKey): "ascending" | "descending" | "none" {
  if (query.sort !== key) return "none";
  return query.dir === "asc" ? "ascending" : "descending";
}
