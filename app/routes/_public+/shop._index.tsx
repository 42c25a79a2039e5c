// /shop — the storefront listing: search, category and collection filters, sort and pages, all as
// links or a GET form (works without JavaScript). Shared-cacheable for anonymous visitors.
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProductCard } from "~/components/shop/product-card";
import { ShopFilters } from "~/components/shop/shop-filters";
import { Button } from "~/components/ui/button";
import { Pagination } from "~/components/ui/pagination";
import { listProducts } from "~/domains/commerce/storefront/listing.server";
import { parseShopListQuery, shopHref, sortOptions } from "~/domains/commerce/storefront/listing-query";
import { CATALOGUE_TAG } from "~/domains/commerce/cache-tags";
import { storefrontCaching } from "~/domains/commerce/storefront/page-cache.server";
import { getEnv } from "~/infra/env.server";
import { i18n } from "~/infra/i18n.server";
import { cn } from "~/utils/cn";

export const handle = { i18n: ["shop"] };

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data: page }) =>
  page
    ? [
        { title: page.title },
        { name: "description", content: page.description },
        { tagName: "link", rel: "canonical", href: page.canonical },
        ...(page.noindex ? [{ name: "robots", content: "noindex, follow" }] : []),
      ]
    : [{ title: "Verso" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const query = parseShopListQuery(new URL(request.url).searchParams);
  const [listing, locale, t] = await Promise.all([listProducts(query), i18n.getLocale(request), i18n.getFixedT(request, "shop")]);
  if (listing.unknownFilter) throw new Response(t("listing.unknownFilter"), { status: 404 });
  const current = { ...query, page: listing.page };
  const heading = query.q
    ? t("listing.searchHeading", { q: query.q })
    : (listing.category?.name ?? listing.collection?.title ?? t("listing.heading"));
  const payload = {
    title: `${heading}${listing.page > 1 ? ` · ${t("listing.pageSuffix", { page: listing.page })}` : ""} · Verso`,
    description: listing.collection?.description || t("listing.description"),
    canonical: `${getEnv().APP_URL}${shopHref(current)}`,
    noindex: query.q !== "",
    heading,
    query: current,
    listing,
  };
  const caching = storefrontCaching(request, payload, { locale, maxAge: 60, sMaxAge: 300, pageTags: [CATALOGUE_TAG] });
  return data(payload, caching);
}

export default function ShopListing() {
  const { heading, query, listing } = useLoaderData<typeof loader>();
  const { t } = useTranslation("shop");
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{heading}</h1>
      {listing.collection?.description ? <p className="text-slate-700">{listing.collection.description}</p> : null}
      <Form
        method="get"
        action="/shop"
        role="search"
        aria-label={t("listing.searchLabel")}
        className="flex flex-wrap items-end gap-3"
      >
        <div className="min-w-64 flex-1 space-y-1">
          <label htmlFor="shop-q" className="block text-sm font-medium">
            {t("listing.searchField")}
          </label>
          <input
            id="shop-q"
            type="search"
            name="q"
            defaultValue={query.q}
            maxLength={100}
            className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2"
          />
        </div>
        {query.category ? <input type="hidden" name="category" value={query.category} /> : null}
        {query.collection ? <input type="hidden" name="collection" value={query.collection} /> : null}
        <Button>{t("listing.searchButton")}</Button>
      </Form>
      <div className="grid gap-8 md:grid-cols-[14rem_1fr]">
        <ShopFilters query={query} categories={listing.nav.categories} collections={listing.nav.collections} />
        <section aria-labelledby="results-heading" className="space-y-4">
          <h2 id="results-heading" className="sr-only">
            {t("listing.results")}
          </h2>
          <nav aria-label={t("listing.sortLabel")} className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium">{t("listing.sortBy")}</span>
            {sortOptions(query).map((sort) => {
              const current = sort === query.sort;
              return (
                <Link
                  key={sort}
                  to={shopHref(query, { sort, page: 1 })}
                  aria-current={current ? "true" : undefined}
                  className={cn(
                    "rounded-full border px-3 py-1",
                    current ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white hover:bg-slate-100",
                  )}
                >
                  {t(`sort.${sort}`)}
                </Link>
              );
            })}
          </nav>
          {listing.items.length === 0 ? (
            <div className="rounded-lg border border-slate-200 bg-white p-6">
              <p className="font-medium">{query.q ? t("listing.noResultsFor", { q: query.q }) : t("listing.empty")}</p>
              {query.q || query.category || query.collection ? (
                <Link to="/shop" className="mt-2 inline-block text-brand-700 underline">
                  {t("listing.clear")}
                </Link>
              ) : null}
            </div>
          ) : (
            <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {listing.items.map((item, index) => (
                <ProductCard key={item.id} item={item} currency={listing.currency} eager={index < 3} />
              ))}
            </ul>
          )}
          <Pagination page={listing.page} pageSize={listing.pageSize} total={listing.total} />
        </section>
      </div>
    </div>
  );
}
