/**
 * The real `LRUCache` class, counted. Learner code imports it from 'lru-cache' and gets a subclass
 * that reads the pass's virtual clock and counts hits, misses, sets, deletes, evictions and entries.
 * Behaviour is unchanged, except `ttlResolution: 0`: lru-cache otherwise caches "now" for 1 ms of
 * real time, which would hide a virtual clock jump.
 */
import { LRUCache } from 'lru-cache';

/** Counters of every cache a pass created, added together. */
export interface CacheStats {
  /** How many `LRUCache` instances the code created. */
  instances: number;
  hits: number;
  misses: number;
  sets: number;
  deletes: number;
  /** Entries pushed out because the cache was full. */
  evictions: number;
  /** Entries that expired (TTL) and were removed. */
  expirations: number;
  /** Entries held by all caches at the end of the pass. */
  entries: number;
  /** Most entries held by all caches at once during the pass. */
  peakEntries: number;
  /** hits / (hits + misses); `null` when nothing was read from a cache. */
  hitRate: number | null;
}

/** Creates a counted `LRUCache` class bound to `now` (the virtual clock). */
export function createInstrumentedLRUCache(now: () => number) {
  const caches = new Set<{ readonly size: number }>();
  const counts = { hits: 0, misses: 0, sets: 0, deletes: 0, evictions: 0, expirations: 0, peakEntries: 0 };
  const totalEntries = () => [...caches].reduce((sum, cache) => sum + cache.size, 0);

  class InstrumentedLRUCache<K extends {}, V extends {}, FC = unknown> extends LRUCache<K, V, FC> {
    constructor(options: LRUCache.Options<K, V, FC>) {
      const userDispose = options?.dispose;
      super({
        ...options,
        perf: { now },
        ttlResolution: 0,
        dispose: (value, key, reason) => {
          if (reason === 'evict') counts.evictions++;
          if (reason === 'expire') counts.expirations++;
          userDispose?.(value, key, reason);
        },
      } as LRUCache.Options<K, V, FC>);
      caches.add(this);
    }

    override get(key: K, options?: LRUCache.GetOptions<K, V, FC>): V | undefined {
      const value = super.get(key, options);
      if (value === undefined) counts.misses++;
      else counts.hits++;
      return value;
    }

    override set(key: K, value: V | undefined, options?: LRUCache.SetOptions<K, V, FC>): this {
      super.set(key, value, options);
      counts.sets++;
      counts.peakEntries = Math.max(counts.peakEntries, totalEntries());
      return this;
    }

    override delete(key: K): boolean {
      const deleted = super.delete(key);
      if (deleted) counts.deletes++;
      return deleted;
    }
  }

  /** Counters so far, as plain data. */
  const stats = (): CacheStats => {
    const reads = counts.hits + counts.misses;
    return {
      instances: caches.size,
      ...counts,
      entries: totalEntries(),
      hitRate: reads === 0 ? null : counts.hits / reads,
    };
  };
  return { LRUCache: InstrumentedLRUCache, stats };
}
