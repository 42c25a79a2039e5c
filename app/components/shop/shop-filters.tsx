// The listing's side navigation: categories (indented by depth) and collections as plain links
// that keep the search text and sort, with the current one marked for assistive technology.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { NavCategory, NavCollection } from "~/domains/commerce/storefront/nav.server";
import { shopHref, type ShopListQuery } from "~/domains/commerce/storefront/listing-query";
import { cn } from "~/utils/cn";

/** Tailwind classes (CSP forbids inline styles), one per nesting level. */
const INDENT = ["pl-0", "pl-3", "pl-6", "pl-9", "pl-12"];
const linkClass = "block rounded px-2 py-1 hover:bg-slate-100";

export function ShopFilters({
  query,
  categories,
  collections,
}: {
  query: ShopListQuery;
  categories: NavCategory[];
  collections: NavCollection[];
}) {
  const { t } = useTranslation("shop");
  const all = !query.category && !query.collection;
  return (
    <nav aria-label={t("listing.filtersLabel")} className="space-y-6 text-sm">
      <div>
        <h2 className="mb-2 font-semibold">{t("listing.categories")}</h2>
        <ul>
          <li>
            <Link
              to={shopHref(query, { category: "", collection: "", page: 1 })}
              aria-current={all ? "page" : undefined}
              className={cn(linkClass, all && "font-semibold text-brand-800")}
            >
              {t("listing.allProducts")}
            </Link>
          </li>
          {categories.map((category) => {
            const current = query.category === category.slug;
            return (
              <li key={category.id} className={INDENT[Math.min(category.depth, INDENT.length - 1)]}>
                <Link
                  to={shopHref(query, { category: category.slug, collection: "", page: 1 })}
                  aria-current={current ? "page" : undefined}
                  className={cn(linkClass, current && "font-semibold text-brand-800")}
                >
                  {category.name}
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
      {collections.length > 0 ? (
        <div>
          <h2 className="mb-2 font-semibold">{t("listing.collections")}</h2>
          <ul>
            {collections.map((collection) => {
              const current = query.collection === collection.slug;
              return (
                <li key={collection.id}>
                  <Link
                    to={shopHref(query, { collection: collection.slug, category: "", page: 1 })}
                    aria-current={current ? "page" : undefined}
                    className={cn(linkClass, current && "font-semibold text-brand-800")}
                  >
                    {collection.title}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </nav>
  );
}
