/**
 * Declarations the editor's TypeScript service gets, so completion and hover work on `db`, the
 * handler context and `LRUCache`. The `fastpath` module is the real handler API file; lru-cache's
 * own declarations span several files, so a compact one covering what lessons use stands in.
 */
import handlerApi from '../../engine/handler-api.ts?raw';

/** `declare module 'fastpath'` built from src/engine/handler-api.ts, so the two never drift. */
export const FASTPATH_TYPES = `declare module 'fastpath' {\n${handlerApi}\n}\n`;

/** The part of lru-cache 11's API lessons use, with its documentation in short. */
export const LRU_CACHE_TYPES = `declare module 'lru-cache' {
  export namespace LRUCache {
    type DisposeReason = 'evict' | 'set' | 'delete' | 'expire' | 'fetch';
    interface Options<K, V> {
      /** Most entries the cache holds; the least recently used is evicted past it. */
      max?: number;
      /** Milliseconds an entry lives (on Fastpath's virtual clock). */
      ttl?: number;
      /** Largest total size, with sizeCalculation. */
      maxSize?: number;
      sizeCalculation?: (value: V, key: K) => number;
      /** Reset an entry's age when it is read. */
      updateAgeOnGet?: boolean;
      /** Return a stale entry once before deleting it. */
      allowStale?: boolean;
      dispose?: (value: V, key: K, reason: DisposeReason) => void;
      /** Loads a missing entry for fetch(). */
      fetchMethod?: (key: K, staleValue: V | undefined, options: { signal: AbortSignal }) => Promise<V | undefined> | V | undefined;
    }
  }
  /** A least-recently-used cache with optional TTL. Fastpath counts its hits and misses. */
  export class LRUCache<K extends {}, V extends {}> {
    constructor(options: LRUCache.Options<K, V>);
    /** Entries held now. */
    readonly size: number;
    readonly max: number;
    /** The value, or undefined on a miss (or when it expired). Counts as a hit or a miss. */
    get(key: K): V | undefined;
    /** Stores a value; may evict the least recently used entry. */
    set(key: K, value: V, options?: { ttl?: number }): this;
    /** True when the key is cached and fresh. Counts as a hit or a miss. */
    has(key: K): boolean;
    /** The value without updating recency; not counted. */
    peek(key: K): V | undefined;
    /** Removes an entry (invalidation); true when there was one. */
    delete(key: K): boolean;
    /** Removes every entry. */
    clear(): void;
    /** The value, loading it with fetchMethod on a miss. */
    fetch(key: K): Promise<V | undefined>;
    /** Milliseconds until the entry expires (0 when it has no TTL). */
    getRemainingTTL(key: K): number;
  }
}
`;
