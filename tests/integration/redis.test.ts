// With REDIS_URL set, rate-limit counters live in Redis (shared by every web instance) and
// /readyz reports Redis. Runs against the real Redis server (TEST_REDIS_URL, default 127.0.0.1:6379).
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { RateLimiterRedis } from "rate-limiter-flexible";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkReadiness } from "~/infra/health.server";
import { consume, getLimiter } from "~/infra/rate-limit.server";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const g = globalThis as { __versoRedis?: Redis | null };

describe("Redis-backed rate limits and readiness", () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
    await redis.ping();
    g.__versoRedis = redis;
  });
  afterAll(async () => {
    g.__versoRedis = undefined;
    await redis.quit();
  });

  it("keeps the counters in Redis, so a second web instance sees the same count", async () => {
    const options = { keyPrefix: `test-${randomUUID()}`, points: 3, durationSeconds: 60 };
    expect(getLimiter(options)).toBeInstanceOf(RateLimiterRedis);
    const key = "198.51.100.4";
    expect((await consume(options, key)).allowed).toBe(true);
    expect((await consume(options, key)).allowed).toBe(true);
    // another process: its own limiter object and connection, same Redis
    const other = new Redis(REDIS_URL);
    const otherLimiter = new RateLimiterRedis({
      storeClient: other,
      keyPrefix: `rl:${options.keyPrefix}`,
      points: 3,
      duration: 60,
    });
    const res = await otherLimiter.consume(key);
    expect(res.remainingPoints).toBe(0);
    await other.quit();
    const refused = await consume(options, key);
    expect(refused.allowed).toBe(false);
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(await redis.exists(`rl:${options.keyPrefix}:${key}`)).toBe(1);
  });

  it("reports Redis in /readyz: ok when it answers, down (not ready) when it does not", async () => {
    expect(await checkReadiness()).toEqual({ ok: true, checks: { database: "ok", redis: "ok" } });
    const dead = new Redis("redis://127.0.0.1:1", {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    dead.on("error", () => {});
    g.__versoRedis = dead;
    try {
      expect(await checkReadiness()).toEqual({ ok: false, checks: { database: "ok", redis: "down" } });
    } finally {
      g.__versoRedis = redis;
      dead.disconnect();
    }
  });
});
