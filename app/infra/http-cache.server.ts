// HTTP caching headers for pages. The rule: a request is anonymous when it carries neither the session
// cookie (`__session`, see cookies.server) nor a pending flash message (`__flash`); only anonymous
// responses may be stored by browsers and shared caches (`public`), everything else is `private, no-store`.
// A response that sets a cookie must not be public either: pass `private: true` for it.
import { createHash } from "node:crypto";

/** Cookies that make a response personal (names from cookies.server). */
export const PERSONAL_COOKIES = ["__session", "__flash", "__cart"] as const;

export type HttpCacheOptions = {
  body: string | Uint8Array;
  request: Request;
  /** Seconds a browser may reuse the response. */
  maxAge: number;
  /** Seconds a shared cache (CDN) may reuse it; defaults to maxAge. */
  sMaxAge?: number;
  /** Seconds a shared cache may serve it stale while it fetches a fresh copy. */
  staleWhileRevalidate?: number;
  /** Force `private, no-store` (e.g. the page depends on something other than the URL and language). */
  private?: boolean;
};

export type HttpCacheResult = { etag: string; notModified: boolean; headers: Headers };

export function isAnonymousRequest(request: Request): boolean {
  const cookies = request.headers.get("Cookie") ?? "";
  return !PERSONAL_COOKIES.some((name) => new RegExp(`(?:^|;)\\s*${name}=`).test(cookies));
}

/** Strong ETag: the SHA-1 of the exact body bytes. */
export function strongEtag(body: string | Uint8Array): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

/** If-None-Match uses the weak comparison (RFC 9110 13.1.2): `W/"x"` matches `"x"`; `*` matches anything. */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => opaque(tag) === opaque(etag));
}

export function httpCacheHeaders(options: HttpCacheOptions): HttpCacheResult {
  const { body, request } = options;
  const etag = strongEtag(body);
  const headers = new Headers({ ETag: etag, Vary: "Cookie, Accept-Language" });
  const shared = !options.private && isAnonymousRequest(request);
  if (shared) {
    const directives = [`public`, `max-age=${whole(options.maxAge)}`, `s-maxage=${whole(options.sMaxAge ?? options.maxAge)}`];
    if (options.staleWhileRevalidate) directives.push(`stale-while-revalidate=${whole(options.staleWhileRevalidate)}`);
    headers.set("Cache-Control", directives.join(", "));
  } else {
    headers.set("Cache-Control", "private, no-store");
  }
  const method = request.method.toUpperCase();
  const notModified = (method === "GET" || method === "HEAD") && etagMatches(request.headers.get("If-None-Match"), etag);
  return { etag, notModified, headers };
}

/** The page's Response: 304 without a body when the client already has this version, else 200 with the caching headers. */
export function cachedResponse(options: HttpCacheOptions & { contentType?: string }): Response {
  const { notModified, headers } = httpCacheHeaders(options);
  if (notModified) return new Response(null, { status: 304, headers });
  headers.set("Content-Type", options.contentType ?? "text/html; charset=utf-8");
  const body = typeof options.body === "string" ? options.body : new Uint8Array(options.body);
  return new Response(body, { status: 200, headers });
}

function whole(seconds: number): number {
  return Math.max(0, Math.floor(seconds));
}
