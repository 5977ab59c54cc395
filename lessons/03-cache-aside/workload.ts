import type { Workload, WorkloadStep } from 'fastpath';

/**
 * Two busy stretches of a shop's traffic: 1,400 product page views, ten a second, skewed towards
 * popular products; now and then a price change or a new review. Between the two stretches the
 * night passes, and the nightly import rewrites prices straight in the database, bypassing the app.
 */
const workload: Workload = (random) => {
  const steps: WorkloadStep[] = [];
  let reviewDay = 0;
  for (let i = 0; i < 1400; i++) {
    steps.push({ advanceMs: 100 });
    if (i === 700) {
      steps.push({ advanceMs: 8 * 3600_000 });
      steps.push({ sql: 'UPDATE products SET price_cents = price_cents + 100 WHERE id % 3 = 0' });
    }
    if (random.chance(0.02)) {
      steps.push({ request: 'updatePrice', input: { productId: random.zipf(300, 1.4), priceCents: random.int(990, 20990) } });
    } else if (random.chance(0.015)) {
      reviewDay++;
      steps.push({
        request: 'addReview',
        input: {
          productId: random.zipf(300, 1.4),
          rating: random.int(1, 5),
          title: `New review ${reviewDay}`,
          createdAt: `2026-02-${String(1 + (reviewDay % 28)).padStart(2, '0')}T12:00:00Z`,
        },
      });
    }
    steps.push({ request: 'getProductSummary', input: { productId: random.zipf(300, 1.4) } });
  }
  return steps;
};

export default workload;
