import type { Workload, WorkloadStep } from 'fastpath';

/**
 * 40 customers open their account page; any customer may be the next one. Meanwhile the rest of
 * the shop keeps working: every few page views a customer places an order or pays their oldest open
 * one, and then looks at the page again, so answers must come from the database as it is now.
 * A new order takes the next id after the highest one, so the steps fit the data at every scale.
 */
const workload: Workload = (random) => {
  const steps: WorkloadStep[] = [];
  let placed = 0;
  for (let i = 0; i < 40; i++) {
    const customerId = random.int(1, 5000);
    if (i % 8 === 3) {
      steps.push({
        sql: `INSERT INTO orders (id, customer_id, status, total_cents, created_at)
              SELECT max(id) + 1, $1, 'open', $2, timestamptz '2026-10-01 12:00+00' + $3::int * interval '1 minute'
                FROM orders`,
        params: [customerId, random.int(500, 30000), ++placed],
      });
    } else if (i % 8 === 7) {
      steps.push({
        sql: `UPDATE orders SET status = 'paid'
               WHERE id = (SELECT min(id) FROM orders WHERE customer_id = $1 AND status = 'open')`,
        params: [customerId],
      });
    }
    steps.push({ request: 'getOpenOrders', input: { customerId } });
  }
  return steps;
};

export default workload;
