// Rate limiters: Redis-backed when REDIS_URL is set (shared by every web instance), in memory otherwise.
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { getRedis } from "./redis.server";

export type LimiterOptions = { keyPrefix: string; points: number; durationSeconds: number; blockSeconds?: number };

const limiters = new Map<string, RateLimiterAbstract>();

export function getLimiter(options: LimiterOptions): RateLimiterAbstract {
  const existing = limiters.get(options.keyPrefix);
  if (existing) return existing;
  const redis = getRedis();
  const common = {
    keyPrefix: `rl:${options.keyPrefix}`,
    points: options.points,
    duration: options.durationSeconds,
    blockDuration: options.blockSeconds ?? 0,
  };
  const limiter = redis
    ? new RateLimiterRedis({ ...common, storeClient: redis, insuranceLimiter: new RateLimiterMemory(common) })
    : new RateLimiterMemory(common);
  limiters.set(options.keyPrefix, limiter);
  return limiter;
}

export type LimitResult =
  | { allowed: true; limit: number; remaining: number; resetSeconds: number }
  | { allowed: false; limit: number; remaining: 0; resetSeconds: number; retryAfterSeconds: number };

/** Consume one point for `key`; never throws for a limit hit, only returns the verdict. */
export async function consume(options: LimiterOptions, key: string, points = 1): Promise<LimitResult> {
  const limiter = getLimiter(options);
  try {
    const res = await limiter.consume(key, points);
    return {
      allowed: true,
      limit: options.points,
      remaining: res.remainingPoints,
      resetSeconds: Math.ceil(res.msBeforeNext / 1000),
    };
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      return { allowed: false, limit: options.points, remaining: 0, resetSeconds: seconds, retryAfterSeconds: seconds };
    }
    throw error;
  }
}

/** Peek without consuming (to refuse early when a key is already over its limit). */
export async function isLimited(options: LimiterOptions, key: string): Promise<LimitResult | null> {
  const res = await getLimiter(options).get(key);
  if (!res || res.consumedPoints <= options.points) return null;
  const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return { allowed: false, limit: options.points, remaining: 0, resetSeconds: seconds, retryAfterSeconds: seconds };
}

export async function resetLimit(options: LimiterOptions, key: string): Promise<void> {
  await getLimiter(options).delete(key);
}

export function tooManyRequests(result: Extract<LimitResult, { allowed: false }>, body = "Too many requests. Try again later.") {
  return new Response(body, {
    status: 429,
    headers: { "Retry-After": String(result.retryAfterSeconds), "Content-Type": "text/plain; charset=utf-8" },
  });
}
