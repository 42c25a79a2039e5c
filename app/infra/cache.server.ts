// Application cache: `getCache()` is Redis-backed when REDIS_URL is set (shared by every web instance),
// an in-process LRU otherwise. Keys live under the installation prefix (QUEUE_PREFIX, which also
// namespaces the job queues), so installations sharing one Redis do not see each other's entries.
// Values must be JSON-serialisable. Invalidate with tags (e.g. `product:<id>`) when the data changes.
import { createCache, type Cache } from "./cache-core.server";
import { createMemoryStore } from "./cache-memory.server";
import { createRedisStore } from "./cache-redis.server";
import { getEnv } from "./env.server";
import { getRedis } from "./redis.server";

export { createCache, type Cache, type CacheOptions, type CacheStore } from "./cache-core.server";
export { createMemoryStore } from "./cache-memory.server";
export { createRedisStore } from "./cache-redis.server";

type Current = { redis: ReturnType<typeof getRedis>; cache: Cache };
const shared = globalThis as typeof globalThis & { __versoCache?: Current };

/** The process's cache; rebuilt if the shared Redis client changes (tests inject `globalThis.__versoRedis`). */
export function getCache(): Cache {
  const redis = getRedis();
  const current = shared.__versoCache;
  if (current && current.redis === redis) return current.cache;
  const store = redis ? createRedisStore(redis, getEnv().QUEUE_PREFIX) : createMemoryStore();
  shared.__versoCache = { redis, cache: createCache(store) };
  return shared.__versoCache.cache;
}
export { cachedResponse, etagMatches, httpCacheHeaders, isAnonymousRequest, strongEtag } from "./http-cache.server";
