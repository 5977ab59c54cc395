// One statement with a scalar subquery per widget: one round trip, and each widget is still computed on its own.
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

/**
 * Six scalar subqueries in one SELECT: one statement, one round trip. Postgres computes each
 * subquery on its own (nothing is joined to anything else), and the two lists come back as JSON
 * built with the same keys the handler returns.
 */
export async function getDashboard({ shopId, month }: DashboardInput, { db }: HandlerContext): Promise<Dashboard> {
  const [row] = await db.query(
    `SELECT
       (SELECT coalesce(sum(total_cents), 0)::bigint
          FROM orders
         WHERE shop_id = $1 AND status <> 'cancelled'
           AND placed_at >= $2::timestamptz AND placed_at < $2::timestamptz + interval '1 month') AS revenue_cents,
       (SELECT count(*)::int
          FROM orders
         WHERE shop_id = $1 AND status <> 'cancelled'
           AND placed_at >= $2::timestamptz AND placed_at < $2::timestamptz + interval '1 month') AS orders,
       (SELECT count(*)::int FROM orders WHERE shop_id = $1 AND status = 'paid') AS open_orders,
       (SELECT count(*)::int
          FROM customers
         WHERE shop_id = $1
           AND signed_up_at >= $2::timestamptz AND signed_up_at < $2::timestamptz + interval '1 month') AS new_customers,
       (SELECT json_build_object('count', count(*)::int, 'totalCents', coalesce(sum(amount_cents), 0)::bigint)
          FROM refunds
         WHERE shop_id = $1
           AND created_at >= $2::timestamptz AND created_at < $2::timestamptz + interval '1 month') AS refunds,
       (SELECT coalesce(json_agg(json_build_object('id', id, 'name', name, 'stock', stock, 'reorderAt', reorder_at)
                                 ORDER BY stock, id), '[]')
          FROM (SELECT id, name, stock, reorder_at
                  FROM products
                 WHERE shop_id = $1 AND active AND stock <= reorder_at
                 ORDER BY stock, id
                 LIMIT 5) AS low) AS low_stock,
       (SELECT json_build_object('id', p.id, 'name', p.name, 'unitsSold', t.units_sold)
          FROM (SELECT i.product_id, sum(i.quantity)::int AS units_sold
                  FROM orders o
                  JOIN order_items i ON i.order_id = o.id
                 WHERE o.shop_id = $1 AND o.status <> 'cancelled'
                   AND o.placed_at >= $2::timestamptz AND o.placed_at < $2::timestamptz + interval '1 month'
                 GROUP BY i.product_id
                 ORDER BY units_sold DESC, i.product_id
                 LIMIT 1) AS t
          JOIN products p ON p.id = t.product_id) AS top_product`,
    [shopId, month],
  );

  return {
    shopId,
    month,
    revenueCents: row.revenue_cents,
    orders: row.orders,
    openOrders: row.open_orders,
    newCustomers: row.new_customers,
    refunds: row.refunds,
    lowStock: row.low_stock,
    topProduct: row.top_product,
  };
}
