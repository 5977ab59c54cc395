/** Seeded pseudo-random numbers for workloads (mulberry32): fast, tiny and deterministic. */
import type { Random } from '../handler-api.ts';

/** Creates a `Random` from a 32-bit seed. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const zipfTables = new Map<string, number[]>();
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    zipf(n, s = 1) {
      const key = `${n}:${s}`;
      let cumulative = zipfTables.get(key);
      if (!cumulative) {
        cumulative = [];
        let total = 0;
        for (let k = 1; k <= n; k++) cumulative.push((total += 1 / k ** s));
        cumulative = cumulative.map((value) => value / total);
        zipfTables.set(key, cumulative);
      }
      const u = next();
      let low = 0;
      let high = n - 1;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (cumulative[mid] < u) low = mid + 1;
        else high = mid;
      }
      return low + 1;
    },
  };
}
