// The storefront's filter lists: every category (as a tree, by position) and the published
// collections. One query each, cached under CATALOGUE_TAG.
import { prisma } from "~/infra/db.server";
import { getCache } from "~/infra/cache.server";
import { CATALOGUE_TAG } from "../cache-tags";

export type NavCategory = { id: string; name: string; slug: string; parentId: string | null; depth: number };
export type NavCollection = { id: string; title: string; slug: string; description: string };
export type StorefrontNav = { categories: NavCategory[]; collections: NavCollection[] };

const NAV_KEY = "storefront:nav:v1";

/** `fresh` drops the cached lists first (a filter named a slug they do not know: maybe a new one). */
export async function loadStorefrontNav({ fresh = false }: { fresh?: boolean } = {}): Promise<StorefrontNav> {
  const cache = getCache();
  if (fresh) await cache.delete(NAV_KEY);
  return cache.wrap(NAV_KEY, { ttlSeconds: 600, tags: [CATALOGUE_TAG] }, async () => {
    const [categories, collections] = await Promise.all([
      prisma.category.findMany({
        select: { id: true, name: true, slug: true, parentId: true, position: true },
        orderBy: [{ position: "asc" }, { name: "asc" }],
      }),
      prisma.collection.findMany({
        where: { isPublished: true },
        select: { id: true, title: true, slug: true, description: true },
        orderBy: [{ position: "asc" }, { title: "asc" }],
      }),
    ]);
    return { categories: flattenTree(categories), collections };
  });
}

/** Parents before their children, siblings by position, each with its depth (for indentation). */
export function flattenTree(rows: Array<{ id: string; name: string; slug: string; parentId: string | null }>): NavCategory[] {
  const known = new Set(rows.map((row) => row.id));
  const out: NavCategory[] = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const row of rows) {
      const isChild = parentId === null ? row.parentId === null || !known.has(row.parentId) : row.parentId === parentId;
      if (!isChild || out.some((c) => c.id === row.id)) continue;
      out.push({ id: row.id, name: row.name, slug: row.slug, parentId: row.parentId, depth });
      if (depth < 10) visit(row.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}
