// The /shop listing as a query string: search text, category and collection filters, sort and page.
// Pure, so the page, the domain function, the cache key and the tests agree on one parser.
import { oneOf, parsePage, textParam, toSearch } from "~/domains/platform/list-query";

export const SHOP_PAGE_SIZE = 24;
export const SHOP_SORTS = ["relevance", "newest", "price-asc", "price-desc", "title"] as const;
export type ShopSort = (typeof SHOP_SORTS)[number];

export type ShopListQuery = {
  q: string;
  category: string;
  collection: string;
  sort: ShopSort;
  page: number;
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function slugParam(params: URLSearchParams, key: string): string {
  const value = textParam(params, key, 120).toLowerCase();
  return SLUG.test(value) ? value : "";
}

function withoutControlCharacters(text: string): string {
  const spaced = Array.from(text, (char) => {
    const code = char.charCodeAt(0);
    return code < 0x20 || code === 0x7f ? " " : char;
  }).join("");
  return spaced.replace(/\s+/g, " ").trim();
}

/** Relevance only means something with search text; without it the newest products come first. */
export function parseShopListQuery(params: URLSearchParams): ShopListQuery {
  // Control characters mean nothing to a search, and PostgreSQL refuses a NUL byte outright (500).
  const q = withoutControlCharacters(textParam(params, "q", 100));
  const fallback: ShopSort = q ? "relevance" : "newest";
  let sort = oneOf(params.get("sort"), SHOP_SORTS, fallback);
  if (sort === "relevance" && !q) sort = "newest";
  return {
    q,
    category: slugParam(params, "category"),
    collection: slugParam(params, "collection"),
    sort,
    page: parsePage(params.get("page")),
  };
}

/** The sort options offered for a query (relevance only while searching). */
export function sortOptions(query: Pick<ShopListQuery, "q">): ShopSort[] {
  return SHOP_SORTS.filter((sort) => sort !== "relevance" || query.q !== "");
}

/** `/shop?…` for this query with some values changed; defaults (page 1, the default sort) are left out. */
export function shopHref(query: ShopListQuery, changes: Partial<ShopListQuery> = {}): string {
  const next = { ...query, ...changes };
  const defaultSort: ShopSort = next.q ? "relevance" : "newest";
  return `/shop${toSearch({
    q: next.q,
    category: next.category,
    collection: next.collection,
    sort: next.sort === defaultSort ? "" : next.sort,
    page: next.page,
  })}`;
}

/** A stable cache key: two URLs meaning the same listing share one entry. */
/** The number of products a filter matches (sort and page do not change it). */
export function listingCountKey(query: ShopListQuery): string {
  return `storefront:count:v1:${JSON.stringify([query.q.toLowerCase(), query.category, query.collection])}`;
}

export function listingCacheKey(query: ShopListQuery): string {
  return `storefront:list:v1:${JSON.stringify([query.q.toLowerCase(), query.category, query.collection, query.sort, query.page])}`;
}
