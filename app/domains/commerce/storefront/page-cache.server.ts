// HTTP caching of storefront pages (/shop, /shop/<slug>). An anonymous visitor (no session, flash
// or cart cookie) gets a page with no per-visitor content — root.tsx does not even mint a CSRF
// token for it — so it may be stored by the browser and shared caches: `public` with a strong ETag
// and 304 on If-None-Match. Everyone else gets `private, no-store`.
//
// The HTML carries a per-request CSP nonce, so the ETag cannot be the hash of the HTML bytes. It is
// the hash of everything the HTML is rendered from: the page's data, the language, the time-zone
// cookie (dates) and the running build (a release changes the assets the page links to).
import { randomUUID } from "node:crypto";
import { readTimeZoneCookie } from "~/infra/cookies.server";
import { httpCacheHeaders, isAnonymousRequest } from "~/infra/http-cache.server";

/**
 * Marks a shared page for the whole-page cache in front of Remix (server/page-cache.ts), which
 * removes the header before the response leaves. The TTL bounds an entry whose invalidation landed
 * while it was being rendered.
 */
export const PAGE_CACHE_MARKER = "X-Verso-Page-Cache";
export const PAGE_TTL_SECONDS = 60;

/** Identifies this process (and so its build): a restart, e.g. a deploy, changes every ETag. */
const BUILD_ID = randomUUID();

const STOREFRONT_PATH = /^\/shop(?:\/[^/]+)?(?:\.data)?\/?$/;

/** An anonymous GET of a storefront page (document or single-fetch data request). */
export function isCacheableStorefrontRequest(request: Request): boolean {
  const method = request.method.toUpperCase();
  if (method !== "GET" && method !== "HEAD") return false;
  const { pathname } = new URL(request.url);
  return STOREFRONT_PATH.test(pathname) && isAnonymousRequest(request);
}

export type StorefrontCaching = { headers: Headers; status: 200 | 304 };

/**
 * Headers for a storefront page built from `payload`. `personal` marks a page that shows
 * something of the viewer (a signed-in customer's review form), which is never shared.
 */
export function storefrontCaching(
  request: Request,
  payload: unknown,
  options: {
    locale: string;
    maxAge: number;
    sMaxAge: number;
    personal?: boolean;
    /** Cache tags of the whole rendered page (server/page-cache.ts keeps shared pages under them). */
    pageTags?: readonly string[];
  },
): StorefrontCaching {
  const timeZone = readTimeZoneCookie(request.headers.get("Cookie"));
  const body = JSON.stringify([BUILD_ID, options.locale, timeZone, payload]);
  const { headers, notModified } = httpCacheHeaders({
    body,
    request,
    maxAge: options.maxAge,
    sMaxAge: options.sMaxAge,
    staleWhileRevalidate: options.sMaxAge,
    private: options.personal || !isCacheableStorefrontRequest(request),
  });
  const shared = (headers.get("Cache-Control") ?? "").startsWith("public");
  if (shared && options.pageTags?.length) {
    headers.set(PAGE_CACHE_MARKER, `${PAGE_TTL_SECONDS}; ${options.pageTags.join(",")}`);
  }
  return { headers, status: shared && notModified ? 304 : 200 };
}
