// The shared Redis connection, when REDIS_URL is configured (cache, rate limits, queues).
import { Redis } from "ioredis";
import { getEnv } from "./env.server";

declare global {
  var __versoRedis: Redis | null | undefined;
}

export function getRedis(): Redis | null {
  if (globalThis.__versoRedis !== undefined) return globalThis.__versoRedis;
  const url = getEnv().REDIS_URL;
  globalThis.__versoRedis = url
    ? new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: false, lazyConnect: false })
    : null;
  return globalThis.__versoRedis;
}
