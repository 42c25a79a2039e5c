// Query-string helpers shared by server-paginated lists: page numbers, clamping, and links that
// keep the other filters. Pure and isomorphic.

export const MAX_PAGE = 100_000;

/** A 1-based page number from a query-string value; anything malformed is page 1. */
export function parsePage(value: string | null | undefined): number {
  if (!value || !/^\d{1,9}$/.test(value.trim())) return 1;
  const page = Number(value.trim());
  return page < 1 ? 1 : Math.min(page, MAX_PAGE);
}

/** The last existing page when `page` is past the end (page 1 for an empty list). */
export function clampPage(page: number, total: number, pageSize: number): number {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return Math.min(Math.max(1, page), pages);
}

/** A trimmed text filter, capped in length; empty when absent. */
export function textParam(params: URLSearchParams, key: string, maxLength = 200): string {
  return (params.get(key) ?? "").trim().slice(0, maxLength);
}

/** One of `allowed`, or `fallback` for anything else. */
export function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** A `?a=1&b=2` string from the non-empty values (page 1 is left out). */
export function toSearch(values: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === "") continue;
    if (key === "page" && Number(value) === 1) continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}
