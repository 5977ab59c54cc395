import type { Workload, WorkloadStep } from 'fastpath';

/**
 * Twenty dashboard loads by shop owners, the biggest shops most often (zipf), nearly all for this
 * month, a few for last month. The platform is live meanwhile: shop 1 takes an order, refunds
 * one, ships its open orders, sells a product down to its reorder level and gets a new customer,
 * and its owner reloads the dashboard after each change; a new shop opens and looks at its empty
 * first month. So every dashboard must come from the data as it is now.
 */
const workload: Workload = (random) => {
  const steps: WorkloadStep[] = [];
  const load = (shopId: number, month = '2025-11-01') => steps.push({ request: 'getDashboard', input: { shopId, month } });
  for (let i = 0; i < 20; i++) {
    if (i === 4) {
      // A paid order at shop 1: revenue, order count and open orders change; its 9 tote bags make
      // product 3 (a popular one) the month's best seller.
      steps.push({ sql: `INSERT INTO orders (id, shop_id, customer_id, status, total_cents, placed_at)
                         SELECT 12001, 1, min(id), 'paid', 9 * 2400 + 1 * 1800 + 495, timestamptz '2025-11-20 18:05+00' FROM customers WHERE shop_id = 1` });
      steps.push({ sql: `INSERT INTO order_items (id, order_id, product_id, quantity, unit_price_cents)
                         VALUES (100001, 12001, 3, 9, 2400), (100002, 12001, 17, 1, 1800)` });
    }
    if (i === 8) {
      steps.push({ sql: `INSERT INTO refunds (id, shop_id, order_id, amount_cents, created_at)
                         SELECT 5001, 1, max(id), 2500, timestamptz '2025-11-20 18:30+00' FROM orders WHERE shop_id = 1 AND status = 'shipped'` });
    }
    if (i === 11) steps.push({ sql: `UPDATE orders SET status = 'shipped' WHERE shop_id = 1 AND status = 'paid'` });
    if (i === 14) steps.push({ sql: `UPDATE products SET stock = 1 WHERE id = 9` });
    if (i === 16) {
      steps.push({ sql: `INSERT INTO customers (id, shop_id, email, signed_up_at)
                         VALUES (6001, 1, 'customer6001@example.com', timestamptz '2025-11-20 19:10+00')` });
    }
    if (i === 17) {
      // A shop opens today: products in stock, some at their reorder level, no orders yet.
      steps.push({ sql: `INSERT INTO shops (id, name) VALUES (31, 'Fieldnote Paper Co.')` });
      steps.push({ sql: `INSERT INTO products (id, shop_id, name, stock, reorder_at, active)
                         SELECT 1500 + g, 31, 'Fieldnote notebook #' || g, (g * 7) % 40, 10, true FROM generate_series(1, 12) AS g` });
    }
    if (i === 0 || i === 5 || i === 9 || i === 12 || i === 15 || i === 19) load(1);
    else if (i === 18) load(31);
    else if (i % 7 === 3) load(random.zipf(30, 1.1), '2025-10-01');
    else load(random.zipf(30, 1.1));
  }
  return steps;
};

export default workload;
