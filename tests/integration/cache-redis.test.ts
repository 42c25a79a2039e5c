// With REDIS_URL set, the page cache lives in Redis: two web instances (two cache objects, two
// connections) share entries, and an invalidation through one is seen by the other. Runs against the
// real Redis server (TEST_REDIS_URL, default 127.0.0.1:6379) under a unique prefix per run.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createCache, createRedisStore, getCache, type Cache } from "~/infra/cache.server";
import { getEnv } from "~/infra/env.server";
import { logger } from "~/infra/logger.server";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const g = globalThis as { __versoRedis?: Redis | null };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("Redis-backed cache", () => {
  const prefix = `cachetest-${randomUUID()}`;
  let redisA: Redis;
  let redisB: Redis;
  let webA: Cache;
  let webB: Cache;

  beforeAll(async () => {
    redisA = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
    redisB = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
    await Promise.all([redisA.ping(), redisB.ping()]);
    webA = createCache(createRedisStore(redisA, prefix));
    webB = createCache(createRedisStore(redisB, prefix));
  });

  afterAll(async () => {
    const keys = await redisA.keys(`${prefix}:*`); // test cleanup only; the cache itself never lists keys
    if (keys.length > 0) await redisA.del(...keys);
    g.__versoRedis = undefined;
    await Promise.all([redisA.quit(), redisB.quit()]);
  });

  it("shares entries between web instances, and an invalidation through one is seen by the other", async () => {
    await webA.set("product:1:page", { title: "Mug", price: 10 }, { ttlSeconds: 60, tags: ["product:1", "catalog"] });
    await webA.set("product:2:page", { title: "Cup" }, { ttlSeconds: 60, tags: ["product:2", "catalog"] });
    expect(await webB.get("product:1:page")).toEqual({ title: "Mug", price: 10 });
    expect(await redisA.exists(`${prefix}:cache:e:product:1:page`)).toBe(1);

    await webB.invalidateTags(["product:1"]);
    expect(await redisA.get(`${prefix}:cache:t:product:1`)).toBe("1");
    expect(await webA.get("product:1:page")).toBeUndefined();
    expect(await webA.get("product:2:page")).toEqual({ title: "Cup" });

    const compute = vi.fn(async () => ({ title: "Mug", price: 12 }));
    expect(await webA.wrap("product:1:page", { ttlSeconds: 60, tags: ["product:1", "catalog"] }, compute)).toEqual({
      title: "Mug",
      price: 12,
    });
    expect(await webB.wrap("product:1:page", { ttlSeconds: 60, tags: ["product:1", "catalog"] }, compute)).toEqual({
      title: "Mug",
      price: 12,
    });
    expect(compute).toHaveBeenCalledTimes(1);

    await webA.invalidateTags(["catalog"]);
    expect(await webB.get("product:1:page")).toBeUndefined();
    expect(await webB.get("product:2:page")).toBeUndefined();
  });

  it("delete removes the entry for every instance", async () => {
    await webA.set("to-delete", 1, { ttlSeconds: 60 });
    await webB.delete("to-delete");
    expect(await webA.get("to-delete")).toBeUndefined();
  });

  it("expires entries after their TTL (Redis PX)", async () => {
    await webA.set("short", "soon gone", { ttlSeconds: 0.2 });
    const pttl = await redisA.pttl(`${prefix}:cache:e:short`);
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(200);
    expect(await webB.get("short")).toBe("soon gone");
    await sleep(350);
    expect(await webB.get("short")).toBeUndefined();
  });

  it("single-flight: 10 concurrent wraps of one key compute once", async () => {
    let calls = 0;
    const compute = async () => {
      calls += 1;
      await sleep(50);
      return { n: calls };
    };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => webA.wrap("hot", { ttlSeconds: 60, tags: ["product:9"] }, compute)),
    );
    expect(results).toEqual(Array(10).fill({ n: 1 }));
    expect(calls).toBe(1);
    expect(await webB.get("hot")).toEqual({ n: 1 });
  });

  it("getCache() uses the shared Redis client and the installation prefix (QUEUE_PREFIX)", async () => {
    g.__versoRedis = redisA;
    const key = `getcache-${randomUUID()}`;
    await getCache().set(key, "shared", { ttlSeconds: 30 });
    const stored = `${getEnv().QUEUE_PREFIX}:cache:e:${key}`;
    expect(await redisA.exists(stored)).toBe(1);
    await redisA.del(stored);
    g.__versoRedis = undefined;
  });

  it("with Redis down, wrap still returns computed values and nothing throws", async () => {
    const dead = new Redis("redis://127.0.0.1:1", {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    dead.on("error", () => {});
    const error = vi.spyOn(logger, "error").mockImplementation(() => {});
    try {
      const cache = createCache(createRedisStore(dead, prefix));
      let calls = 0;
      const compute = async () => ++calls;
      expect(await cache.wrap("page", { ttlSeconds: 60, tags: ["product:1"] }, compute)).toBe(1);
      expect(await cache.wrap("page", { ttlSeconds: 60, tags: ["product:1"] }, compute)).toBe(2);
      expect(await cache.get("page")).toBeUndefined();
      await expect(cache.set("page", 1, { ttlSeconds: 60 })).resolves.toBeUndefined();
      await expect(cache.invalidateTags(["product:1"])).resolves.toBeUndefined();
      await expect(cache.delete("page")).resolves.toBeUndefined();
      expect(error).toHaveBeenCalledTimes(1);
    } finally {
      error.mockRestore();
      dead.disconnect();
    }
  });
});
