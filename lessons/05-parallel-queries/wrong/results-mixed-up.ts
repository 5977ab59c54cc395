// Promise.all with the results destructured in another order than the queries: open orders and new customers swap places.
// expect: correct
import type { HandlerContext } from 'fastpath';

/** Which shop, and the first day of the month the dashboard shows ('2025-11-01'). */
export interface DashboardInput {
  shopId: number;
  month: string;
}

export interface LowStockProduct {
  id: number;
  name: string;
  stock: number;
  reorderAt: number;
}

export interface Dashboard {
  shopId: number;
  month: string;
  revenueCents: number;
  orders: number;
  openOrders: number;
  newCustomers: number;
  refunds: { count: number; totalCents: number };
  lowStock: LowStockProduct[];
  topProduct: { id: number; name: string; unitsSold: number } | null;
}

/** The six queries together; the names on the left are not in the order of the queries on the right. */
export async function getDashboard({ shopId, month }: DashboardInput, { db }: HandlerContext): Promise<Dashboard> {
  const [[sales], [customers], [open], lowStock, [refunds], [top]] = await Promise.all([
    // Sales this month (cancelled orders do not count).
    db.query(
      `SELECT coalesce(sum(total_cents), 0)::bigint AS revenue_cents, count(*)::int AS orders
         FROM orders
        WHERE shop_id = $1 AND status <> 'cancelled'
          AND placed_at >= $2::timestamptz AND placed_at < $2::timestamptz + interval '1 month'`,
      [shopId, month],
    ),
    // Orders paid and waiting to be shipped, whenever they were placed.
    db.query(`SELECT count(*)::int AS n FROM orders WHERE shop_id = $1 AND status = 'paid'`, [shopId]),
    // Customers who signed up this month.
    db.query(
      `SELECT count(*)::int AS n
         FROM customers
        WHERE shop_id = $1
          AND signed_up_at >= $2::timestamptz AND signed_up_at < $2::timestamptz + interval '1 month'`,
      [shopId, month],
    ),
    // Products to reorder: still sold, and at or below their reorder level. The five lowest.
    db.query(
      `SELECT id, name, stock, reorder_at
         FROM products
        WHERE shop_id = $1 AND active AND stock <= reorder_at
        ORDER BY stock, id
        LIMIT 5`,
      [shopId],
    ),
    // Refunds issued this month, whichever month the order was placed in.
    db.query(
      `SELECT count(*)::int AS n, coalesce(sum(amount_cents), 0)::bigint AS total_cents
         FROM refunds
        WHERE shop_id = $1
          AND created_at >= $2::timestamptz AND created_at < $2::timestamptz + interval '1 month'`,
      [shopId, month],
    ),
    // The product that sold the most units this month; the lower id wins a tie.
    db.query(
      `SELECT p.id, p.name, t.units_sold
         FROM (SELECT i.product_id, sum(i.quantity)::int AS units_sold
                 FROM orders o
                 JOIN order_items i ON i.order_id = o.id
                WHERE o.shop_id = $1 AND o.status <> 'cancelled'
                  AND o.placed_at >= $2::timestamptz AND o.placed_at < $2::timestamptz + interval '1 month'
                GROUP BY i.product_id
                ORDER BY units_sold DESC, i.product_id
                LIMIT 1) AS t
         JOIN products p ON p.id = t.product_id`,
      [shopId, month],
    ),
  ]);

  return {
    shopId,
    month,
    revenueCents: sales.revenue_cents,
    orders: sales.orders,
    openOrders: open.n,
    newCustomers: customers.n,
    refunds: { count: refunds.n, totalCents: refunds.total_cents },
    lowStock: lowStock.map((row) => ({ id: row.id, name: row.name, stock: row.stock, reorderAt: row.reorder_at })),
    topProduct: top ? { id: top.id, name: top.name, unitsSold: top.units_sold } : null,
  };
}
