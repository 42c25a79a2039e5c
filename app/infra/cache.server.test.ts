// The in-process cache (tag versions, TTL, LRU bounds, single-flight, degrading on store errors)
// and the page caching headers. The Redis store is tested in tests/integration/cache-redis.test.ts.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createCache, createMemoryStore, getCache, type CacheStore } from "./cache.server";
import { flashStorage, sessionStorage } from "./cookies.server";
import { cartCookie } from "~/domains/commerce/cart/cart-cookie.server";
import { cachedResponse, etagMatches, httpCacheHeaders, PERSONAL_COOKIES, strongEtag } from "./http-cache.server";
import { logger } from "./logger.server";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const memoryCache = (options?: Parameters<typeof createMemoryStore>[0]) => createCache(createMemoryStore(options));

afterEach(() => vi.restoreAllMocks());

describe("memory cache", () => {
  it("stores JSON copies: get returns what was set, as JSON would carry it", async () => {
    const cache = memoryCache();
    const value = { name: "Mug", at: new Date("2026-01-02T03:04:05.000Z"), list: [1, 2] };
    await cache.set("k", value, { ttlSeconds: 60 });
    value.list.push(3);
    expect(await cache.get("k")).toEqual({ name: "Mug", at: "2026-01-02T03:04:05.000Z", list: [1, 2] });
    expect(await cache.get("missing")).toBeUndefined();
    await cache.delete("k");
    expect(await cache.get("k")).toBeUndefined();
  });

  it("invalidating a tag makes only the entries stored under it miss", async () => {
    const cache = memoryCache();
    await cache.set("p1", "one", { ttlSeconds: 60, tags: ["product:1", "catalog"] });
    await cache.set("p2", "two", { ttlSeconds: 60, tags: ["product:2", "catalog"] });
    await cache.set("plain", "x", { ttlSeconds: 60 });
    await cache.invalidateTags(["product:1"]);
    expect(await cache.get("p1")).toBeUndefined();
    expect(await cache.get("p2")).toBe("two");
    expect(await cache.get("plain")).toBe("x");
    // stored again after the invalidation: fresh under the new version
    await cache.set("p1", "one again", { ttlSeconds: 60, tags: ["product:1"] });
    expect(await cache.get("p1")).toBe("one again");
    await cache.invalidateTags(["catalog"]);
    expect(await cache.get("p2")).toBeUndefined();
    expect(await cache.get("p1")).toBe("one again");
  });

  it("expires entries after their TTL", async () => {
    const cache = memoryCache();
    await cache.set("short", 1, { ttlSeconds: 0.05 });
    await cache.set("long", 2, { ttlSeconds: 60 });
    expect(await cache.get("short")).toBe(1);
    await sleep(120);
    expect(await cache.get("short")).toBeUndefined();
    expect(await cache.get("long")).toBe(2);
  });

  it("is bounded by entry count and by total size (least recently used goes first)", async () => {
    const byCount = memoryCache({ maxEntries: 2 });
    await byCount.set("a", 1, { ttlSeconds: 60 });
    await byCount.set("b", 2, { ttlSeconds: 60 });
    await byCount.get("a");
    await byCount.set("c", 3, { ttlSeconds: 60 });
    expect([await byCount.get("a"), await byCount.get("b"), await byCount.get("c")]).toEqual([1, undefined, 3]);

    const bySize = memoryCache({ maxBytes: 300 });
    await bySize.set("big1", "x".repeat(120), { ttlSeconds: 60 });
    await bySize.set("big2", "y".repeat(120), { ttlSeconds: 60 });
    await bySize.set("big3", "z".repeat(120), { ttlSeconds: 60 });
    expect(await bySize.get("big1")).toBeUndefined();
    expect(await bySize.get("big3")).toBe("z".repeat(120));
    await bySize.set("huge", "h".repeat(400), { ttlSeconds: 60 });
    expect(await bySize.get("huge")).toBeUndefined();
  });

  it("wrap computes on a miss, then serves the cached value until a tag is invalidated", async () => {
    const cache = memoryCache();
    const compute = vi.fn(async () => ({ price: 10 }));
    expect(await cache.wrap("page", { ttlSeconds: 60, tags: ["product:1"] }, compute)).toEqual({ price: 10 });
    expect(await cache.wrap("page", { ttlSeconds: 60, tags: ["product:1"] }, compute)).toEqual({ price: 10 });
    expect(compute).toHaveBeenCalledTimes(1);
    await cache.invalidateTags(["product:1"]);
    await cache.wrap("page", { ttlSeconds: 60, tags: ["product:1"] }, compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it("an invalidation during compute leaves the computed value stale (versions are read before computing)", async () => {
    const cache = memoryCache();
    let version = 1;
    const compute = vi.fn(async () => {
      const seen = version;
      await cache.invalidateTags(["product:1"]); // the product changes while the page is being built
      version += 1;
      return seen;
    });
    expect(await cache.wrap("page", { ttlSeconds: 60, tags: ["product:1"] }, compute)).toBe(1);
    expect(await cache.get("page")).toBeUndefined();
  });

  it("single-flight: concurrent misses for one key compute once; a failure is shared and not cached", async () => {
    const cache = memoryCache();
    let calls = 0;
    const compute = async () => {
      calls += 1;
      await sleep(30);
      return calls;
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => cache.wrap("k", { ttlSeconds: 60 }, compute)));
    expect(results).toEqual(Array(10).fill(1));
    expect(calls).toBe(1);

    let failures = 0;
    const failing = async () => {
      failures += 1;
      await sleep(10);
      throw new Error("database down");
    };
    const settled = await Promise.allSettled([1, 2, 3].map(() => cache.wrap("bad", { ttlSeconds: 60 }, failing)));
    expect(settled.every((s) => s.status === "rejected")).toBe(true);
    expect(failures).toBe(1);
    expect(await cache.wrap("bad", { ttlSeconds: 60 }, async () => "ok")).toBe("ok");
  });

  it("does not cache undefined", async () => {
    const cache = memoryCache();
    const compute = vi.fn(async () => undefined);
    await cache.wrap("u", { ttlSeconds: 60 }, compute);
    await cache.wrap("u", { ttlSeconds: 60 }, compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it("a failing store degrades to no cache: wrap computes, nothing throws, the error is logged once", async () => {
    const fail = async (): Promise<never> => {
      throw new Error("store down");
    };
    const broken: CacheStore = { kind: "redis", read: fail, write: fail, remove: fail, tagVersions: fail, bumpTags: fail };
    const error = vi.spyOn(logger, "error").mockImplementation(() => {});
    const cache = createCache(broken);
    expect(await cache.wrap("k", { ttlSeconds: 60, tags: ["t"] }, async () => "computed")).toBe("computed");
    expect(await cache.wrap("k", { ttlSeconds: 60, tags: ["t"] }, async () => "again")).toBe("again");
    expect(await cache.get("k")).toBeUndefined();
    await expect(cache.set("k", 1, { ttlSeconds: 60 })).resolves.toBeUndefined();
    await expect(cache.invalidateTags(["t"])).resolves.toBeUndefined();
    await expect(cache.delete("k")).resolves.toBeUndefined();
    expect(error).toHaveBeenCalledTimes(1);
  });

  it("a hanging store counts as failed after the operation timeout", async () => {
    const hang = () => new Promise<never>(() => {});
    const slow: CacheStore = { kind: "redis", read: hang, write: hang, remove: hang, tagVersions: hang, bumpTags: hang };
    vi.spyOn(logger, "error").mockImplementation(() => {});
    const cache = createCache(slow, { opTimeoutMs: 20 });
    const started = Date.now();
    expect(await cache.wrap("k", { ttlSeconds: 60 }, async () => "computed")).toBe("computed");
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("getCache() is the in-process cache without REDIS_URL, one per process", async () => {
    expect(process.env.REDIS_URL).toBeFalsy();
    const cache = getCache();
    expect(getCache()).toBe(cache);
    const key = `getcache-${Math.random()}`;
    await cache.set(key, { ok: true }, { ttlSeconds: 60, tags: ["t"] });
    expect(await getCache().get(key)).toEqual({ ok: true });
  });
});

describe("httpCacheHeaders", () => {
  const page = (headers: Record<string, string> = {}, method = "GET") =>
    new Request("https://shop.example/products/mug", { method, headers });
  const options = { body: "<html>mug</html>", maxAge: 60, sMaxAge: 300, staleWhileRevalidate: 30 };

  it("anonymous pages are public with max-age, s-maxage, stale-while-revalidate, a strong ETag and Vary", () => {
    const { headers, etag, notModified } = httpCacheHeaders({
      ...options,
      request: page({ Cookie: "lng=es; tz=Europe%2FMadrid" }),
    });
    expect(headers.get("Cache-Control")).toBe("public, max-age=60, s-maxage=300, stale-while-revalidate=30");
    expect(headers.get("Vary")).toBe("Cookie, Accept-Language");
    expect(headers.get("ETag")).toBe(etag);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(etag).toBe(strongEtag("<html>mug</html>"));
    expect(strongEtag(new TextEncoder().encode("<html>mug</html>"))).toBe(etag);
    expect(strongEtag("<html>cup</html>")).not.toBe(etag);
    expect(notModified).toBe(false);
  });

  it("s-maxage defaults to max-age and stale-while-revalidate is optional", () => {
    const { headers } = httpCacheHeaders({ body: "x", maxAge: 30, request: page() });
    expect(headers.get("Cache-Control")).toBe("public, max-age=30, s-maxage=30");
  });

  it("a session or flash cookie, or private: true, makes the response private, no-store", () => {
    for (const cookie of ["__session=abc", "lng=en; __session=abc", "__flash=xyz"]) {
      const { headers } = httpCacheHeaders({ ...options, request: page({ Cookie: cookie }) });
      expect(headers.get("Cache-Control")).toBe("private, no-store");
      expect(headers.get("Vary")).toBe("Cookie, Accept-Language");
    }
    expect(httpCacheHeaders({ ...options, private: true, request: page() }).headers.get("Cache-Control")).toBe(
      "private, no-store",
    );
    // a cookie that merely ends with the name is not the session cookie
    expect(httpCacheHeaders({ ...options, request: page({ Cookie: "x__session=1" }) }).headers.get("Cache-Control")).toMatch(
      /^public/,
    );
  });

  it("the personal cookie names are the ones the session, flash and cart cookies really use", async () => {
    const session = await sessionStorage.commitSession(await sessionStorage.getSession());
    const flash = await flashStorage.commitSession(await flashStorage.getSession());
    const cart = await cartCookie.serialize("cart-id");
    expect([session.split("=")[0], flash.split("=")[0], cart.split("=")[0]]).toEqual([...PERSONAL_COOKIES]);
  });

  it("answers 304 without a body to a matching If-None-Match on GET/HEAD, 200 otherwise", async () => {
    const etag = strongEtag(options.body);
    const hit = cachedResponse({ ...options, request: page({ "If-None-Match": `"other", ${etag}` }) });
    expect(hit.status).toBe(304);
    expect(await hit.text()).toBe("");
    expect(hit.headers.get("ETag")).toBe(etag);
    expect(hit.headers.get("Cache-Control")).toMatch(/^public/);
    expect(cachedResponse({ ...options, request: page({ "If-None-Match": `W/${etag}` }, "HEAD") }).status).toBe(304);

    const miss = cachedResponse({ ...options, request: page({ "If-None-Match": '"stale"' }) });
    expect(miss.status).toBe(200);
    expect(await miss.text()).toBe(options.body);
    expect(miss.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(cachedResponse({ ...options, request: page({ "If-None-Match": etag }, "POST") }).status).toBe(200);
  });

  it("compares entity tags the way If-None-Match requires", () => {
    expect(etagMatches(null, '"a"')).toBe(false);
    expect(etagMatches("*", '"a"')).toBe(true);
    expect(etagMatches(' "b" ,  "a" ', '"a"')).toBe(true);
    expect(etagMatches('W/"a"', '"a"')).toBe(true);
    expect(etagMatches('"ab"', '"a"')).toBe(false);
  });
});
