// Redis cache store: shared by every web instance. Entries are `<prefix>:cache:e:<key>` (JSON, with TTL);
// tag versions are `<prefix>:cache:t:<tag>` counters without TTL (INCR on invalidation), so a read costs
// one GET plus one MGET of its tags — no KEYS/SCAN. With a maxmemory policy, use a volatile-* one so
// only entries (which have TTLs) are evicted, never the tag counters.
import { type Redis } from "ioredis";
import { type CacheStore, type StoredEntry } from "./cache-core.server";

export function createRedisStore(redis: Redis, prefix: string): CacheStore {
  const entryKey = (key: string) => `${prefix}:cache:e:${key}`;
  const tagKey = (tag: string) => `${prefix}:cache:t:${tag}`;
  return {
    kind: "redis",
    async read(key) {
      const raw = await redis.get(entryKey(key));
      return raw === null ? undefined : (JSON.parse(raw) as StoredEntry);
    },
    async write(key, entry, ttlSeconds) {
      await redis.set(entryKey(key), JSON.stringify(entry), "PX", Math.max(1, Math.round(ttlSeconds * 1000)));
    },
    async remove(key) {
      await redis.del(entryKey(key));
    },
    async tagVersions(tags) {
      if (tags.length === 0) return [];
      const values = await redis.mget(...tags.map(tagKey));
      return values.map((value) => (value === null ? 0 : Number(value)));
    },
    async bumpTags(tags) {
      if (tags.length === 0) return;
      const pipeline = redis.multi();
      for (const tag of tags) pipeline.incr(tagKey(tag));
      const results = await pipeline.exec();
      const failed = results?.find(([error]) => error);
      if (!results || failed) throw failed?.[0] ?? new Error("cache tag invalidation was aborted");
    },
  };
}
