/**
 * The real `LRUCache` class, counted. Learner code imports it from 'lru-cache' and gets a subclass
 * that reads the pass's virtual clock and counts hits, misses, sets, deletes, evictions and entries.
 * `peek` and `memo` are not counted as reads.
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

/** How lru-cache's `status` reports a read, mapped to a hit or a miss. */
const HIT = new Set(['hit', 'inflight', 'fetching']);

/**
 * Creates a counted `LRUCache` class bound to `now` (the virtual clock). Reads are `get`, `has` and
 * `fetch`, counted from lru-cache's own `status` report; a `get` right after a `has` hit on the
 * same key is the same read, counted once. Sets are counted on insert, whatever the path.
 */
export function createInstrumentedLRUCache(now: () => number, touch: () => void = () => undefined) {
  const caches = new Set<{ readonly size: number }>();
  const counts = { hits: 0, misses: 0, sets: 0, deletes: 0, evictions: 0, expirations: 0, peakEntries: 0 };
  const totalEntries = () => [...caches].reduce((sum, cache) => sum + cache.size, 0);
  const read = (result: string | undefined) => {
    touch();
    if (result === undefined) return;
    if (HIT.has(result)) counts.hits++;
    else counts.misses++;
  };

  class InstrumentedLRUCache<K extends {}, V extends {}, FC = unknown> extends LRUCache<K, V, FC> {
    /** Key of the last `has()` that hit, so the `get()` that usually follows is not a second read. */
    #checked: { key: K } | undefined;

    constructor(options: LRUCache.Options<K, V, FC>) {
      const { dispose, onInsert } = options ?? {};
      super({
        ...options,
        perf: { now },
        ttlResolution: 0,
        dispose: (value, key, reason) => {
          if (reason === 'evict') counts.evictions++;
          if (reason === 'expire') counts.expirations++;
          dispose?.(value, key, reason);
        },
        onInsert: (value, key, reason) => {
          touch();
          counts.sets++;
          counts.peakEntries = Math.max(counts.peakEntries, totalEntries());
          onInsert?.(value, key, reason);
        },
      } as LRUCache.Options<K, V, FC>);
      caches.add(this);
    }

    override get(key: K, options: LRUCache.GetOptions<K, V, FC> = {}): V | undefined {
      const status: LRUCache.Status<K, V, FC> = options.status ?? {};
      const value = super.get(key, { ...options, status });
      const checked = this.#checked?.key === key;
      this.#checked = undefined;
      if (!(checked && value !== undefined)) read(status.get);
      return value;
    }

    override has(key: K, options: LRUCache.HasOptions<K, V, FC> = {}): boolean {
      const status: LRUCache.Status<K, V, FC> = options.status ?? {};
      const found = super.has(key, { ...options, status });
      read(status.has);
      this.#checked = found ? { key } : undefined;
      return found;
    }

    // `fetch` has context-dependent overloads; this one signature stands for both.
    override fetch(key: any, options: any = {}): Promise<any> {
      const status: LRUCache.Status<K, V, FC> = options.status ?? {};
      const result = super.fetch(key, { ...options, status });
      read(status.fetch === 'get' ? status.get : status.fetch);
      return result;
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
