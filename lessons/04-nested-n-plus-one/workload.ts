import type { Workload, WorkloadStep } from 'fastpath';

/**
 * Twenty customers open "My orders"; the shop's best customers come back often (zipf). Meanwhile the
 * shop lives: customer 1 places an order, a product is renamed, and one is withdrawn from the
 * catalogue, each before customer 1's history is opened again. So every page must come from the data
 * as it is now: a copy of orders or product names kept from an earlier request shows the old page.
 */
const workload: Workload = (random) => {
  const steps: WorkloadStep[] = [];
  /** The product on customer 1's newest line that still has one: it is on their first page. */
  const customerOnesProduct = `(SELECT i.product_id
      FROM order_items i JOIN orders o ON o.id = i.order_id
     WHERE o.customer_id = 1 AND i.product_id IS NOT NULL
     ORDER BY o.placed_at DESC, o.id DESC, i.id
     LIMIT 1)`;
  for (let i = 0; i < 20; i++) {
    if (i === 5) {
      steps.push({ sql: `INSERT INTO orders (id, customer_id, status, placed_at) VALUES (12001, 1, 'paid', timestamptz '2025-12-01 10:00+00')` });
      steps.push({
        sql: `INSERT INTO order_items (id, order_id, product_id, quantity, unit_price_cents)
              SELECT 100000 + n, 12001, n * 7, n, price_cents FROM products, generate_series(1, 2) AS n WHERE id = n * 7`,
      });
    }
    if (i === 10) steps.push({ sql: `UPDATE products SET name = name || ' (2026 edition)' WHERE id = ${customerOnesProduct}` });
    if (i === 15) steps.push({ sql: `DELETE FROM products WHERE id = ${customerOnesProduct}` });
    // Customer 1 right after each change; otherwise anyone, the best customers most often.
    const customerId = i === 6 || i === 11 || i === 16 ? 1 : random.zipf(200);
    steps.push({ request: 'getOrderHistory', input: { customerId, limit: 10 } });
  }
  return steps;
};

export default workload;
