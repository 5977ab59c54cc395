import { describe, expect, it } from 'vitest';
import { useLesson } from './helpers/lessons.ts';
import { grade, type RunReport } from '../src/engine/grade.ts';

const failed = (report: RunReport) => report.checks.filter((check) => !check.passed).map((check) => check.id);

describe('01-n-plus-one rejects wrong fixes', () => {
  const opened = useLesson('01-n-plus-one');

  const joined = (join: string, order: string) => opened.lesson.files.solution.replace('LEFT JOIN LATERAL', join).replace(/ORDER BY p\.created_at DESC, p\.id DESC`/, `${order}\``);

  it('a JOIN that drops posts without comments', async () => {
    const code = opened.lesson.files.solution.replace(
      /LEFT JOIN LATERAL \(SELECT count\(\*\)::int AS n FROM comments WHERE post_id = p\.id\) AS c ON true/,
      'JOIN (SELECT post_id, count(*)::int AS n FROM comments GROUP BY post_id) AS c ON c.post_id = p.id',
    );
    expect(code).not.toBe(opened.lesson.files.solution);
    const report = await grade(opened.session, { code });
    expect(failed(report)).toContain('correct');
    expect(report.mismatches.first?.difference).toMatch(/expected items are missing/);
  });

  it('a JOIN that forgets the order', async () => {
    const code = joined('LEFT JOIN LATERAL', 'ORDER BY p.id ASC');
    expect(code).not.toBe(opened.lesson.files.solution);
    const report = await grade(opened.session, { code });
    expect(failed(report)).toEqual(['correct']);
    expect(report.mismatches.first?.difference).toBe('The same items, in a different order: the order matters here.');
  });

  it('Promise.all over the loop: faster, still N+1', async () => {
    const code = opened.lesson.files.starter
      .replace('const feed: FeedItem[] = [];\n  for (const post of posts) {', 'return Promise.all(posts.map(async (post) => {')
      .replace(/feed\.push\(\{([\s\S]*?)\}\);\n  \}\n  return feed;/, 'return {$1};\n  }));');
    expect(code).toContain('Promise.all');
    const report = await grade(opened.session, { code });
    expect(report.errors).toEqual([]);
    expect(failed(report)).toContain('maxQueriesPerRequest');
    expect(report.learner.shapes.filter((shape) => shape.repeatedInRequest)).toHaveLength(2);
  });
});

describe('02-missing-index rejects wrong fixes', () => {
  const opened = useLesson('02-missing-index');

  it('an index on the wrong column (status)', async () => {
    const report = await grade(opened.session, { code: opened.lesson.files.starter, migration: 'CREATE INDEX ON orders (status);' });
    expect(report.errors).toEqual([]);
    expect(failed(report)).toContain('speedup');
  });

  it('an index on the wrong column (created_at) leaves the sequential scan', async () => {
    const report = await grade(opened.session, { code: opened.lesson.files.starter, migration: 'CREATE INDEX ON orders (created_at);' });
    expect(failed(report)).toEqual(expect.arrayContaining(['noSeqScan', 'speedup']));
    const plan = report.learner.plans.find((shape) => shape.fingerprint.includes('from orders'));
    expect(plan?.findings[0]).toMatchObject({ kind: 'seq-scan', relation: 'orders' });
  });

  it('a plain index on customer_id passes', async () => {
    const report = await grade(opened.session, { code: opened.lesson.files.starter, migration: 'CREATE INDEX ON orders (customer_id);' });
    expect(failed(report)).toEqual([]);
  });

  it('loading every open order once into memory is caught: stale after a write, and its plan is a Seq Scan', async () => {
    const code = `let byCustomer;
export async function getOpenOrders({ customerId }, { db }) {
  for (let i = 0; i < 30; i++) await db.query('SELECT 1 AS padding_' + i);
  if (!byCustomer) {
    byCustomer = new Map();
    const rows = await db.query("(SELECT id, customer_id, total_cents, created_at FROM orders WHERE status = 'open' ORDER BY created_at DESC, id DESC)");
    for (const row of rows) {
      if (!byCustomer.has(row.customer_id)) byCustomer.set(row.customer_id, []);
      byCustomer.get(row.customer_id).push({ id: row.id, totalCents: row.total_cents, createdAt: row.created_at });
    }
  }
  return byCustomer.get(customerId) ?? [];
}`;
    const report = await grade(opened.session, { code });
    expect(report.errors).toEqual([]);
    expect(failed(report)).toEqual(expect.arrayContaining(['correct', 'noSeqScan']));
  });

  it('a "fix" that drops rows with LIMIT 1 is caught', async () => {
    const code = opened.lesson.files.starter.replace('ORDER BY created_at DESC, id DESC', 'ORDER BY created_at DESC, id DESC LIMIT 1');
    const report = await grade(opened.session, { code, migration: opened.lesson.files.solutionMigration });
    expect(failed(report)).toEqual(['correct']);
  });
});

describe('03-cache-aside rejects wrong fixes', () => {
  const opened = useLesson('03-cache-aside');

  it('a cache never invalidated serves stale reads', async () => {
    const code = opened.lesson.files.solution.replaceAll(/\n\s*summaries\.delete\(productId\);[^\n]*/g, '');
    expect(code).not.toContain('summaries.delete');
    const report = await grade(opened.session, { code });
    expect(failed(report)).toEqual(expect.arrayContaining(['correct', 'staleReads']));
    expect(report.mismatches.staleReads).toBeGreaterThan(0);
    expect(report.mismatches.first?.stale).toBe(true);
  });

  it('a TTL longer than the night serves the prices from before the import job', async () => {
    const code = opened.lesson.files.solution.replace('ttl: 5 * 60_000', 'ttl: 24 * 3600_000');
    const report = await grade(opened.session, { code });
    expect(failed(report)).toEqual(expect.arrayContaining(['correct', 'staleReads']));
  });

  it('a cache that is read but never saves a query fails the speedup', async () => {
    const code = opened.lesson.files.starter.replace(
      "export async function getProductSummary({ productId }: { productId: number }, { db }: HandlerContext): Promise<ProductSummary | null> {",
      "const seen = new LRUCache<number, number>({ max: 100 });\nexport async function getProductSummary({ productId }: { productId: number }, { db }: HandlerContext): Promise<ProductSummary | null> {\n  seen.get(productId);\n  seen.set(productId, 1);",
    ).replace('import type { HandlerContext }', "import { LRUCache } from 'lru-cache';\nimport type { HandlerContext }");
    expect(code).toContain('seen.get(productId)');
    const report = await grade(opened.session, { code });
    expect(report.errors).toEqual([]);
    expect(report.learner.cache.hitRate).toBeGreaterThan(0.8);
    expect(failed(report)).toEqual(['speedup']);
  });

  it('an unbounded cache breaks the entry limit', async () => {
    const code = opened.lesson.files.solution.replace('{ max: 200, ttl: 5 * 60_000 }', '{ max: 100000, ttl: 5 * 60_000 }').replace('summaries.set(productId', 'for (let id = 1; id <= 300; id++) summaries.set(id + 1000, "none");\n  summaries.set(productId');
    const report = await grade(opened.session, { code });
    expect(failed(report)).toContain('maxCacheEntries');
  });
});
