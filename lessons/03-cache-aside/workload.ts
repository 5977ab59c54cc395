import type { Workload, WorkloadStep } from 'fastpath';

/**
 * A day of a shop's traffic, ten product page views a second, skewed towards popular products;
 * now and then a price change or a new review.
 * - Late morning the supplier's price feed is imported straight into the database, bypassing the
 *   app: readers may see the old prices for at most five minutes (`maxStaleMs`), what a cache's
 *   TTL can promise. A quiet lunch follows.
 * - At noon a flash sale: 40 views a second for five seconds, all at once (concurrent traffic),
 *   while merchants reprice rarely viewed products just as someone opens their page.
 * - The night passes and the nightly import rewrites prices; in the morning a search engine's
 *   crawler visits 210 different products in 42 seconds.
 */
const workload: Workload = (random, traffic) => {
  const steps: WorkloadStep[] = [];
  let reviewDay = 0;
  const popular = () => random.zipf(300, 1.4);
  const view = (productId: number) => ({ request: 'getProductSummary', input: { productId } });
  const dayTraffic = (views: number) => {
    for (let i = 0; i < views; i++) {
      steps.push({ advanceMs: 100 });
      if (random.chance(0.02)) {
        steps.push({ request: 'updatePrice', input: { productId: popular(), priceCents: random.int(990, 20990) } });
      } else if (random.chance(0.015)) {
        reviewDay++;
        steps.push({
          request: 'addReview',
          input: {
            productId: popular(),
            rating: random.int(1, 5),
            title: `New review ${reviewDay}`,
            createdAt: `2026-02-${String(1 + (reviewDay % 28)).padStart(2, '0')}T12:00:00Z`,
          },
        });
      }
      steps.push(view(popular()));
    }
  };

  dayTraffic(250);
  steps.push({ sql: 'UPDATE products SET price_cents = price_cents - 50 WHERE id % 2 = 1', maxStaleMs: 5 * 60_000 });
  dayTraffic(100);
  // Lunch: a view every five seconds for ten minutes.
  for (let i = 0; i < 120; i++) {
    steps.push({ advanceMs: 5000 });
    steps.push(view(popular()));
  }

  // The flash sale. Each race: someone opens a product nobody looked at today (so it is not
  // cached), and a merchant changes its price while that page is loading; later views follow.
  const races = [283, 271, 262, 297, 259].map((productId, index) => {
    const at = 400 + index * 900;
    const writerDelay = index % 2 === 0 ? 1.5 : 0.3; // ms after the first view arrived
    return [
      { ...view(productId), atMs: at },
      { request: 'updatePrice', input: { productId, priceCents: 1990 + index }, atMs: at + writerDelay },
      { ...view(productId), atMs: at + 40 },
      { ...view(productId), atMs: at + 300 },
    ];
  });
  steps.push({ advanceMs: 100 });
  steps.push({ concurrent: [...traffic.openLoop({ perSecond: 40, forMs: 5000 }, () => view(popular())), ...races.flat()] });

  dayTraffic(100);
  steps.push({ advanceMs: 8 * 3600_000 });
  steps.push({ sql: 'UPDATE products SET price_cents = price_cents + 100 WHERE id % 3 = 0' });
  dayTraffic(50);
  // The crawler: every product page from 41 to 250, five a second, among the shoppers' views.
  for (let productId = 41; productId <= 250; productId++) {
    steps.push({ advanceMs: 200 });
    steps.push(view(productId));
    if (productId % 2 === 0) steps.push(view(popular()));
  }
  dayTraffic(150);
  return steps;
};

export default workload;
