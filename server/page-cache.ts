// Whole-page cache for the storefront's anonymous pages. A storefront route that answers a page
// anyone may see (Cache-Control public, no cookie set) marks it with `X-Verso-Page-Cache: <ttl>;
// <tag>,<tag>` (storefrontCaching); this middleware stores that response's bytes under the URL, the
// visitor's cookies and Accept-Language, with the route's cache tags, and serves the next identical
// request without running Remix or React at all. Whatever invalidates the tags (a product edit, a
// sale of the last unit, a review approved) makes the stored page a miss.
//
// The HTML carries the request's CSP nonce: the stored page keeps the nonce it was rendered with, and
// every hit replaces it with the nonce of the request being served (the CSP header already names
// the new one). The marker header never reaches the client. An entry is also bounded by its TTL, which
// covers the short window where an invalidation lands while the page is being rendered.
import { createHash } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { Cache } from "../app/infra/cache.server";
import { etagMatches, isAnonymousRequest } from "../app/infra/http-cache.server";
import { logger } from "../app/infra/logger.server";

export const PAGE_CACHE_HEADER = "x-verso-page-cache";
const STOREFRONT_PATH = /^\/shop(?:\/[^/]+)?(?:\.data)?\/?$/;
/** Headers of the stored response worth replaying; security headers are set afresh per request. */
const REPLAYED = ["content-type", "cache-control", "etag", "vary", "content-language"] as const;
const MAX_BODY_BYTES = 1024 * 1024;

type PageEntry = { status: number; headers: Record<string, string>; body: string; nonce: string };

/** "60; catalogue,product:abc" → { ttl: 60, tags: [...] }; null for anything else. */
export function parsePageCacheMarker(value: unknown): { ttlSeconds: number; tags: string[] } | null {
  if (typeof value !== "string") return null;
  const match = /^(\d{1,5});\s*(.*)$/.exec(value);
  if (!match) return null;
  const ttlSeconds = Number(match[1]);
  const tags = match[2]
    .split(",")
    .map((tag) => tag.trim())
    .filter(Boolean);
  return ttlSeconds > 0 ? { ttlSeconds, tags } : null;
}

function cacheKey(req: Request): string {
  const variant = [req.originalUrl, req.get("accept-language") ?? "", req.get("cookie") ?? ""].join("\n");
  return `page:v1:${createHash("sha256").update(variant).digest("base64url")}`;
}

function isCandidate(req: Request): boolean {
  if (req.method !== "GET" || !STOREFRONT_PATH.test(req.path)) return false;
  const cookie = req.get("cookie");
  return isAnonymousRequest(new Request("http://local/", { headers: cookie ? { Cookie: cookie } : {} }));
}

function serve(req: Request, res: Response, entry: PageEntry): void {
  for (const [name, value] of Object.entries(entry.headers)) res.setHeader(name, value);
  res.setHeader("X-Cache", "HIT");
  const etag = entry.headers.etag;
  if (etag && etagMatches(req.get("if-none-match") ?? null, etag)) {
    res.removeHeader("content-type");
    res.status(304).end();
    return;
  }
  const nonce = res.locals.cspNonce as string | undefined;
  const body = nonce && entry.nonce ? entry.body.split(entry.nonce).join(nonce) : entry.body;
  res.status(entry.status).send(body);
}

/** Collect what the app writes; on finish, store it when the route marked it shareable. */
function capture(req: Request, res: Response, store: (entry: PageEntry, ttlSeconds: number, tags: string[]) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let marker: ReturnType<typeof parsePageCacheMarker> = null;
  let markerRead = false;
  const readMarker = () => {
    if (markerRead) return;
    markerRead = true;
    marker = parsePageCacheMarker(res.getHeader(PAGE_CACHE_HEADER));
    res.removeHeader(PAGE_CACHE_HEADER);
    res.setHeader("X-Cache", "MISS");
  };
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (!marker || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const buffer = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk as string, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
    size += buffer.length;
    if (size > MAX_BODY_BYTES) marker = null;
    else chunks.push(buffer);
  };
  const originalWriteHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
  const originalWrite = res.write.bind(res) as (...args: unknown[]) => boolean;
  const originalEnd = res.end.bind(res) as (...args: unknown[]) => Response;
  res.writeHead = ((...args: unknown[]) => {
    readMarker();
    return originalWriteHead(...args);
  }) as Response["writeHead"];
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    readMarker();
    keep(chunk, rest[0]);
    return originalWrite(chunk, ...rest);
  }) as Response["write"];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    readMarker();
    keep(chunk, rest[0]);
    const result = originalEnd(chunk, ...rest);
    const cacheControl = String(res.getHeader("cache-control") ?? "");
    if (marker && res.statusCode === 200 && cacheControl.startsWith("public") && !res.getHeader("set-cookie")) {
      const headers: Record<string, string> = {};
      for (const name of REPLAYED) {
        const value = res.getHeader(name);
        if (value !== undefined) headers[name] = String(value);
      }
      const { ttlSeconds, tags } = marker as { ttlSeconds: number; tags: string[] };
      store(
        { status: 200, headers, body: Buffer.concat(chunks).toString("utf8"), nonce: (res.locals.cspNonce as string) ?? "" },
        ttlSeconds,
        tags,
      );
    }
    return result;
  }) as Response["end"];
}

export function pageCache(getCache: () => Cache) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (!isCandidate(req)) return next();
    const cache = getCache();
    const key = cacheKey(req);
    const entry = await cache.get<PageEntry>(key);
    if (entry) return serve(req, res, entry);
    capture(req, res, (page, ttlSeconds, tags) => {
      cache
        .set(key, page, { ttlSeconds, tags })
        .catch((error: unknown) => logger.warn({ err: error }, "page cache write failed"));
    });
    next();
  };
}
