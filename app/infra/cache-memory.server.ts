// In-process cache store (no REDIS_URL): an LRU bounded by entry count and total JSON size.
// Tag versions are process-local counters, so invalidation reaches this process only — which is all
// there is without Redis.
import { LRUCache } from "lru-cache";
import { type CacheStore, type StoredEntry } from "./cache-core.server";

export type MemoryStoreOptions = { maxEntries?: number; maxBytes?: number };

export function createMemoryStore(options: MemoryStoreOptions = {}): CacheStore {
  const entries = new LRUCache<string, StoredEntry>({
    max: options.maxEntries ?? 5_000,
    maxSize: options.maxBytes ?? 50 * 1024 * 1024,
    // JSON length approximates bytes well enough for a bound; tag names and versions count too.
    sizeCalculation: (entry) => Math.max(1, entry.v.length + JSON.stringify(entry.t).length),
  });
  const versions = new Map<string, number>();
  return {
    kind: "memory",
    read: async (key) => entries.get(key),
    write: async (key, entry, ttlSeconds) => {
      entries.set(key, entry, { ttl: ttlSeconds * 1000 });
    },
    remove: async (key) => {
      entries.delete(key);
    },
    tagVersions: async (tags) => tags.map((tag) => versions.get(tag) ?? 0),
    bumpTags: async (tags) => {
      for (const tag of tags) versions.set(tag, (versions.get(tag) ?? 0) + 1);
    },
  };
}
