// The numbers in one query that LEFT JOINs orders, new customers and refunds to the shop: every order repeats once per customer and per refund, so revenue and refund totals are multiplied.
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

/**
 * "One round trip for the numbers": the four counts and sums come from one query that joins this
 * month's orders, new customers and refunds to the shop. Each order row is repeated once per new
 * customer and per refund, so the sums are multiplied; count(DISTINCT ...) only saves the counts.
 */
export async function getDashboard({ shopId, month }: DashboardInput, { db }: HandlerContext): Promise<Dashboard> {
  const [[numbers], lowStock, [top]] = await Promise.all([
    db.query(
      `SELECT coalesce(sum(o.total_cents), 0)::bigint AS revenue_cents,
              count(DISTINCT o.id)::int AS orders,
              (SELECT count(*)::int FROM orders WHERE shop_id = s.id AND status = 'paid') AS open_orders,
              count(DISTINCT c.id)::int AS new_customers,
              count(DISTINCT r.id)::int AS refund_count,
              coalesce(sum(r.amount_cents), 0)::bigint AS refund_cents
         FROM shops s
         LEFT JOIN orders o ON o.shop_id = s.id AND o.status <> 'cancelled'
              AND o.placed_at >= $2::timestamptz AND o.placed_at < $2::timestamptz + interval '1 month'
         LEFT JOIN customers c ON c.shop_id = s.id
              AND c.signed_up_at >= $2::timestamptz AND c.signed_up_at < $2::timestamptz + interval '1 month'
         LEFT JOIN refunds r ON r.shop_id = s.id
              AND r.created_at >= $2::timestamptz AND r.created_at < $2::timestamptz + interval '1 month'
        WHERE s.id = $1
        GROUP BY s.id`,
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
    revenueCents: numbers.revenue_cents,
    orders: numbers.orders,
    openOrders: numbers.open_orders,
    newCustomers: numbers.new_customers,
    refunds: { count: numbers.refund_count, totalCents: numbers.refund_cents },
    lowStock: lowStock.map((row) => ({ id: row.id, name: row.name, stock: row.stock, reorderAt: row.reorder_at })),
    topProduct: top ? { id: top.id, name: top.name, unitsSold: top.units_sold } : null,
  };
}
