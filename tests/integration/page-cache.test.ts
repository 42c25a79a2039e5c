// The whole-page cache in front of Remix (server/page-cache.ts) against the real production server:
// anonymous shop pages are served from the cache with the request's own CSP nonce, 304 on a matching
// ETag, never for a visitor with a cookie, and a product change (its tags invalidated from another
// process through Redis) shows on the next request.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { productTag } from "~/domains/commerce/cache-tags";
import { createCache, createRedisStore } from "~/infra/cache.server";
import { prisma } from "~/infra/db.server";
import { parsePageCacheMarker } from "../../server/page-cache";
import { createProduct } from "../factories/commerce";
import { resetDatabase } from "../setup/reset";
import { startServer, type RunningServer } from "./server-harness";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const PREFIX = `pagecache-${process.pid}`;

function nonceOf(response: Response) {
  return /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
}

describe("parsePageCacheMarker", () => {
  it("reads a TTL and tags, and refuses anything else", () => {
    expect(parsePageCacheMarker("60; catalogue,product:abc")).toEqual({ ttlSeconds: 60, tags: ["catalogue", "product:abc"] });
    expect(parsePageCacheMarker("0; catalogue")).toBeNull();
    expect(parsePageCacheMarker("soon; catalogue")).toBeNull();
    expect(parsePageCacheMarker(undefined)).toBeNull();
  });
});

describe("whole-page cache of the storefront", () => {
  let server: RunningServer;
  let redis: Redis;
  let slug: string;
  let productId: string;

  beforeAll(async () => {
    await resetDatabase();
    const product = await createProduct({ title: "Cached lamp", variants: [{ price: 4500, stock: 5 }] });
    slug = product.slug;
    productId = product.id;
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
    server = await startServer({ REDIS_URL, QUEUE_PREFIX: PREFIX, OUTBOX_PROCESSOR: "off" });
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
    const keys = await redis.keys(`${PREFIX}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it("serves the second anonymous request from the cache, with that request's nonce and no marker", async () => {
    const first = await fetch(`${server.url}/shop/${slug}`);
    const firstBody = await first.text();
    expect(first.status).toBe(200);
    expect(first.headers.get("x-cache")).toBe("MISS");
    expect(first.headers.get("x-verso-page-cache")).toBeNull();
    expect(firstBody).toContain("Cached lamp");

    const second = await fetch(`${server.url}/shop/${slug}`);
    const secondBody = await second.text();
    expect(second.status).toBe(200);
    expect(second.headers.get("x-cache")).toBe("HIT");
    expect(second.headers.get("x-verso-page-cache")).toBeNull();
    expect(second.headers.get("cache-control")).toMatch(/^public/);
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    const nonce = nonceOf(second)!;
    expect(nonce).not.toBe(nonceOf(first));
    expect(secondBody).toContain(`nonce="${nonce}"`);
    expect(secondBody).not.toContain(nonceOf(first)!);
    expect(secondBody.replaceAll(nonce, "N")).toBe(firstBody.replaceAll(nonceOf(first)!, "N"));
  });

  it("answers 304 from the cache to a matching If-None-Match", async () => {
    const page = await fetch(`${server.url}/shop/${slug}`);
    const etag = page.headers.get("etag")!;
    const again = await fetch(`${server.url}/shop/${slug}`, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("x-cache")).toBe("HIT");
    expect(await again.text()).toBe("");
  });

  it("never serves or stores a page for a visitor with a session or cart cookie", async () => {
    const withCart = await fetch(`${server.url}/shop/${slug}`, { headers: { Cookie: "__cart=whatever" } });
    expect(withCart.status).toBe(200);
    expect(withCart.headers.get("x-cache")).toBeNull();
    expect(withCart.headers.get("cache-control")).toMatch(/private|no-store/);
  });

  it("shows a product change on the next request once its tag is invalidated by another process", async () => {
    await fetch(`${server.url}/shop/${slug}`);
    expect((await fetch(`${server.url}/shop/${slug}`)).headers.get("x-cache")).toBe("HIT");
    await prisma.product.update({ where: { id: productId }, data: { title: "Cached lamp, renamed" } });
    await createCache(createRedisStore(redis, PREFIX)).invalidateTags([productTag(productId)]);
    const fresh = await fetch(`${server.url}/shop/${slug}`);
    expect(fresh.headers.get("x-cache")).toBe("MISS");
    expect(await fresh.text()).toContain("Cached lamp, renamed");
  });
});
