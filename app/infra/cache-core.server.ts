// The cache behaviour shared by both stores: tag versioning, single-flight `wrap`, and degrading to
// "no cache" when the store fails (a cache outage must never break a page).
import { logger } from "./logger.server";

/** Values must be JSON-serialisable: they are stored as JSON (Dates come back as strings, `undefined` is not cached). */
export type CacheOptions = { ttlSeconds: number; tags?: readonly string[] };

export interface Cache {
  /** The value, or undefined on a miss, an expired entry, an entry whose tags were invalidated, or a store error. */
  get<T>(key: string): Promise<T | undefined>;
  /** Store under the tag versions current now (use `wrap` to capture them before computing). */
  set<T>(key: string, value: T, options: CacheOptions): Promise<void>;
  /** Cached value or `compute()`; concurrent misses for one key in this process compute once. */
  wrap<T>(key: string, options: CacheOptions, compute: () => Promise<T>): Promise<T>;
  /** Every entry stored under any of these tags becomes a miss, in every process sharing the store. */
  invalidateTags(tags: readonly string[]): Promise<void>;
  delete(key: string): Promise<void>;
}

/** An entry as stored: the JSON value and the version of each tag when the value was computed. */
export type StoredEntry = { v: string; t: Record<string, number> };

/** What a backend provides; it may throw (the core turns errors into misses). */
export interface CacheStore {
  readonly kind: "redis" | "memory";
  read(key: string): Promise<StoredEntry | undefined>;
  write(key: string, entry: StoredEntry, ttlSeconds: number): Promise<void>;
  remove(key: string): Promise<void>;
  /** Current versions (0 when never bumped), in the order of `tags`. */
  tagVersions(tags: readonly string[]): Promise<number[]>;
  bumpTags(tags: readonly string[]): Promise<void>;
}

export type CoreOptions = { /** A store call slower than this counts as a failure. */ opTimeoutMs?: number };

function uniqueTags(tags: readonly string[] | undefined): string[] {
  return [...new Set(tags ?? [])].sort();
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`cache store timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createCache(store: CacheStore, options: CoreOptions = {}): Cache {
  const opTimeoutMs = options.opTimeoutMs ?? 500;
  const inflight = new Map<string, Promise<unknown>>();
  let degraded = false;

  /** Run a store call; on failure log once per outage and return `fallback`. */
  async function guarded<T>(operation: string, call: () => Promise<T>, fallback: T): Promise<T> {
    try {
      const result = await withTimeout(call(), opTimeoutMs);
      if (degraded) logger.info({ store: store.kind }, "cache store recovered");
      degraded = false;
      return result;
    } catch (error) {
      if (!degraded) logger.error({ err: error, store: store.kind, operation }, "cache store failed; serving without cache");
      degraded = true;
      return fallback;
    }
  }

  async function readFresh<T>(key: string): Promise<T | undefined> {
    const entry = await store.read(key);
    if (!entry) return undefined;
    const tags = Object.keys(entry.t);
    if (tags.length > 0) {
      const current = await store.tagVersions(tags);
      if (tags.some((tag, i) => current[i] !== entry.t[tag])) return undefined;
    }
    return JSON.parse(entry.v) as T;
  }

  async function versionsOf(tags: readonly string[]): Promise<Record<string, number>> {
    if (tags.length === 0) return {};
    const versions = await store.tagVersions(tags);
    return Object.fromEntries(tags.map((tag, i) => [tag, versions[i]]));
  }

  async function writeUnder<T>(key: string, value: T, ttlSeconds: number, versions: Record<string, number>) {
    const json = JSON.stringify(value);
    if (json === undefined || !(ttlSeconds > 0)) return;
    await store.write(key, { v: json, t: versions }, ttlSeconds);
  }

  async function computeAndStore<T>(key: string, opts: CacheOptions, compute: () => Promise<T>): Promise<T> {
    const hit = await guarded("get", () => readFresh<T>(key), undefined);
    if (hit !== undefined) return hit;
    const tags = uniqueTags(opts.tags);
    // Versions are read before computing: an invalidation that lands during compute makes this entry stale at once.
    const versions = await guarded("tagVersions", () => versionsOf(tags), null);
    const value = await compute();
    if (versions) await guarded("set", () => writeUnder(key, value, opts.ttlSeconds, versions), undefined);
    return value;
  }

  return {
    get: (key) => guarded("get", () => readFresh(key), undefined),
    set: (key, value, opts) =>
      guarded("set", async () => writeUnder(key, value, opts.ttlSeconds, await versionsOf(uniqueTags(opts.tags))), undefined),
    wrap<T>(key: string, opts: CacheOptions, compute: () => Promise<T>): Promise<T> {
      const running = inflight.get(key);
      if (running) return running as Promise<T>;
      const promise = computeAndStore(key, opts, compute).finally(() => inflight.delete(key));
      inflight.set(key, promise);
      return promise;
    },
    invalidateTags: (tags) => guarded("invalidateTags", () => store.bumpTags(uniqueTags(tags)), undefined),
    delete: (key) => guarded("delete", () => store.remove(key), undefined),
  };
}
