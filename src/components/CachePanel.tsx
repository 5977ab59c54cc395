/** What the learner's LRUCache instances did over the run. Shown once the code uses a cache. */
import type { RunReport } from '../engine/grade.ts';
import { formatRate } from './format.ts';

export function CachePanel({ report }: { report: RunReport }) {
  const cache = report.learner.cache;
  if (cache.instances === 0) return null;
  const rows: [string, string][] = [
    ['Hit rate', formatRate(cache.hitRate)],
    ['Hits', String(cache.hits)],
    ['Misses', String(cache.misses)],
    ['Sets', String(cache.sets)],
    ['Deletes (invalidations)', String(cache.deletes)],
    ['Evictions (cache full)', String(cache.evictions)],
    ['Expired (TTL)', String(cache.expirations)],
    ['Entries at the end / at most', `${cache.entries} / ${cache.peakEntries}`],
    ['Stale reads', String(report.mismatches.staleReads)],
  ];
  return (
    <section className="cache" aria-label="Cache">
      <h3>Your cache</h3>
      <table>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
