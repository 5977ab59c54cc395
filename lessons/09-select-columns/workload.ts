import type { Workload, WorkloadStep } from 'fastpath';

/**
 * Twenty shoppers open category pages: the first page most often, a few scroll on. Meanwhile the
 * shop edits its catalogue (a price cut, a new review changing a rating), so every grid must come
 * from the data as it is now.
 */
const workload: Workload = (random) => {
  const steps: WorkloadStep[] = [];
  for (let i = 0; i < 20; i++) {
    if (i === 7) {
      // A price cut on the most popular tent: the first product of category 1's first page.
      steps.push({
        sql: `UPDATE products SET price_cents = price_cents - 500, updated_at = timestamptz '2025-11-01 09:00+00'
               WHERE id = (SELECT id FROM products WHERE category_id = 1 ORDER BY popularity DESC, id LIMIT 1)`,
      });
    }
    if (i === 13) {
      steps.push({ sql: `UPDATE products SET rating = 4.91 WHERE id = (SELECT id FROM products WHERE category_id = 1 ORDER BY popularity DESC, id LIMIT 1 OFFSET 2)` });
    }
    const categoryId = i === 8 || i === 14 ? 1 : random.int(1, 10);
    steps.push({ request: 'getCategoryPage', input: { categoryId, page: random.zipf(4, 1.5) - 1, pageSize: 24 } });
  }
  return steps;
};

export default workload;
