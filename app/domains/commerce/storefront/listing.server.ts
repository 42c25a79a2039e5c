// The /shop listing: active products only, filtered by category (with its descendants) and
// collection, searched with PostgreSQL full-text search (the GIN index expression of the commerce
// migration, websearch syntax, ranked), sorted and paged. A page costs a constant number of queries
// (the page, its count, the category and collection lists), whatever it shows; results go through
// the application cache under CATALOGUE_TAG.
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/infra/db.server";
import { getCache } from "~/infra/cache.server";
import { clampPage } from "~/domains/platform/list-query";
import { getShopSettings } from "../shop-settings.server";
import { CATALOGUE_TAG } from "../cache-tags";
import { listingCacheKey, listingCountKey, SHOP_PAGE_SIZE, type ShopListQuery } from "./listing-query";
import { loadStorefrontNav, type StorefrontNav } from "./nav.server";
import type { ImageRef } from "./images";

export const LISTING_TTL_SECONDS = 300;

export type ListingItem = {
  id: string;
  slug: string;
  title: string;
  minPrice: number;
  /**
   * The compare-at price of the variant sold at the lowest price, when it is on sale: only that
   * variant's own former price may be struck through next to "From <lowest price>".
   */
  compareAtPrice: number | null;
  /** Several variants at different prices: the price is shown as "From …". */
  priceVaries: boolean;
  inStock: boolean;
  image: ImageRef | null;
};

export type Listing = {
  items: ListingItem[];
  total: number;
  page: number;
  pageSize: number;
  currency: string;
  category: { slug: string; name: string } | null;
  collection: { slug: string; title: string; description: string } | null;
  /** A filter named a category or collection that does not exist (or is unpublished). */
  unknownFilter: boolean;
  nav: StorefrontNav;
};

/** The same expression as "Product_search_idx" (prisma/migrations/20261125000000_commerce), so the index is used. */
const DOCUMENT = Prisma.sql`(setweight(to_tsvector('english', p."title"), 'A') || setweight(to_tsvector('english', p."searchText"), 'B'))`;

type Row = {
  id: string;
  slug: string;
  title: string;
  minPrice: number;
  compareAtPrice: number | null;
  priceVaries: boolean;
  inStock: boolean;
  imageId: string | null;
  imageAlt: string | null;
  imageWidth: number | null;
  imageHeight: number | null;
  widths: number[] | null;
};

export function listProducts(query: ShopListQuery): Promise<Listing> {
  return getCache().wrap(listingCacheKey(query), { ttlSeconds: LISTING_TTL_SECONDS, tags: [CATALOGUE_TAG] }, () =>
    computeListing(query),
  );
}

async function computeListing(query: ShopListQuery): Promise<Listing> {
  const [cachedNav, settings] = await Promise.all([loadStorefrontNav(), getShopSettings()]);
  let nav = cachedNav;
  const knows = (lists: StorefrontNav) =>
    (!query.category || lists.categories.some((c) => c.slug === query.category)) &&
    (!query.collection || lists.collections.some((c) => c.slug === query.collection));
  // A slug the cached lists do not know may be new (written without invalidating, e.g. by SQL): look once more.
  if (!knows(nav)) nav = await loadStorefrontNav({ fresh: true });
  const category = query.category ? (nav.categories.find((c) => c.slug === query.category) ?? null) : null;
  const collection = query.collection ? (nav.collections.find((c) => c.slug === query.collection) ?? null) : null;
  const base = {
    pageSize: SHOP_PAGE_SIZE,
    currency: settings.currency,
    category: category && { slug: category.slug, name: category.name },
    collection: collection && { slug: collection.slug, title: collection.title, description: collection.description },
    nav,
  };
  if ((query.category && !category) || (query.collection && !collection)) {
    return { ...base, items: [], total: 0, page: 1, unknownFilter: true };
  }
  const where = whereClause(query, category ? descendantIds(nav, category.id) : null, collection?.id ?? null);
  // The count depends on the filters only: every sort and page of one filter shares it.
  const total = await getCache().wrap(
    listingCountKey(query),
    { ttlSeconds: LISTING_TTL_SECONDS, tags: [CATALOGUE_TAG] },
    async () => {
      const [countRow] = await prisma.$queryRaw<
        Array<{ total: bigint }>
      >`SELECT count(*) AS total FROM "Product" p WHERE ${where}`;
      return Number(countRow?.total ?? 0);
    },
  );
  const page = clampPage(query.page, total, SHOP_PAGE_SIZE);
  const rows = total === 0 ? [] : await pageRows(query, where, page);
  return { ...base, items: rows.map(toItem), total, page, unknownFilter: false };
}

function descendantIds(nav: StorefrontNav, rootId: string): string[] {
  const ids = [rootId];
  for (let i = 0; i < ids.length; i++) {
    for (const c of nav.categories) if (c.parentId === ids[i] && !ids.includes(c.id)) ids.push(c.id);
  }
  return ids;
}

function whereClause(query: ShopListQuery, categoryIds: string[] | null, collectionId: string | null): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`p."status" = 'active'::"ProductStatus"`];
  if (categoryIds) {
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "ProductCategory" pc WHERE pc."productId" = p."id" AND pc."categoryId" IN (${Prisma.join(categoryIds)}))`,
    );
  }
  if (collectionId) {
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "CollectionProduct" cp WHERE cp."productId" = p."id" AND cp."collectionId" = ${collectionId})`,
    );
  }
  if (query.q) parts.push(Prisma.sql`${DOCUMENT} @@ websearch_to_tsquery('english', ${query.q})`);
  return Prisma.join(parts, " AND ");
}

/** ORDER BY for the sort; `rank` is the relevance expression (computed inside, a column outside). */
function orderClause(query: ShopListQuery, rank: Prisma.Sql): Prisma.Sql {
  switch (query.sort) {
    case "relevance":
      return Prisma.sql`${rank} DESC, p."publishedAt" DESC NULLS LAST, p."id"`;
    case "price-asc":
      return Prisma.sql`p."minPrice" ASC, p."title" ASC, p."id"`;
    case "price-desc":
      return Prisma.sql`p."minPrice" DESC, p."title" ASC, p."id"`;
    case "title":
      return Prisma.sql`p."title" ASC, p."id"`;
    case "newest":
    default:
      // Exactly the order of the index ("status", "publishedAt" DESC NULLS LAST, "id" DESC).
      return Prisma.sql`p."publishedAt" DESC NULLS LAST, p."id" DESC`;
  }
}

/**
 * The page's 24 products are chosen first (filter, sort, LIMIT/OFFSET on Product alone, so the
 * indexes on status + sort column serve it), and only those 24 get their variant summary and first
 * image: the per-product subqueries never run for the thousands of rows the sort skips.
 */
async function pageRows(query: ShopListQuery, where: Prisma.Sql, page: number): Promise<Row[]> {
  const offset = (page - 1) * SHOP_PAGE_SIZE;
  const rank = query.q ? Prisma.sql`ts_rank(${DOCUMENT}, websearch_to_tsquery('english', ${query.q}))` : Prisma.sql`0::real`;
  return prisma.$queryRaw<Row[]>`
    SELECT p."id", p."slug", p."title", p."minPrice",
           v."compareAtPrice", v."priceVaries", v."inStock",
           i."id" AS "imageId", i."alt" AS "imageAlt", i."width" AS "imageWidth", i."height" AS "imageHeight",
           (SELECT array_agg(r."width" ORDER BY r."width") FROM "ProductImageRendition" r WHERE r."imageId" = i."id") AS "widths"
    FROM (
      SELECT p."id", p."slug", p."title", p."minPrice", p."publishedAt", ${rank} AS "rank"
      FROM "Product" p
      WHERE ${where}
      ORDER BY ${orderClause(query, rank)}
      LIMIT ${SHOP_PAGE_SIZE} OFFSET ${offset}
    ) p
    LEFT JOIN LATERAL (
      SELECT max(pv."compareAtPrice") FILTER (WHERE pv."price" = p."minPrice" AND pv."compareAtPrice" > pv."price") AS "compareAtPrice",
             count(DISTINCT pv."price") > 1 AS "priceVaries",
             coalesce(bool_or(NOT pv."trackInventory" OR pv."stockOnHand" - pv."stockReserved" > 0), false) AS "inStock"
      FROM "ProductVariant" pv WHERE pv."productId" = p."id"
    ) v ON true
    LEFT JOIN LATERAL (
      SELECT pi."id", pi."alt", pi."width", pi."height" FROM "ProductImage" pi
      WHERE pi."productId" = p."id" ORDER BY pi."position", pi."createdAt" LIMIT 1
    ) i ON true
    ORDER BY ${orderClause(query, Prisma.sql`p."rank"`)}`;
}

function toItem(row: Row): ListingItem {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    minPrice: row.minPrice,
    compareAtPrice: row.compareAtPrice,
    priceVaries: row.priceVaries,
    inStock: row.inStock,
    image:
      row.imageId && row.widths?.length
        ? {
            id: row.imageId,
            alt: row.imageAlt ?? "",
            width: row.imageWidth ?? 0,
            height: row.imageHeight ?? 0,
            widths: row.widths,
          }
        : null,
  };
}
