import type { HandlerContext } from 'fastpath';

/** The statistics on a customer's account page. */
export interface CustomerStats {
  /** Every order, whatever its status. */
  orderCount: number;
  /** Orders paid for: status paid or shipped. */
  paidOrderCount: number;
  refundedCount: number;
  /** What the paid orders came to, in cents; 0 without any. */
  lifetimeValueCents: number;
  /** The average paid order, rounded to the cent; null without any. */
  averageOrderCents: number | null;
  /** When the latest order was placed; null for a customer who never ordered. */
  lastOrderAt: Date | null;
  /** True when a support ticket of theirs is still open. */
  hasOpenTicket: boolean;
}

/**
 * One row from Postgres instead of every order: an aggregate without GROUP BY returns exactly one
 * row, also for a customer without orders. FILTER counts and sums a subset of the rows, coalesce
 * turns the sum over no rows (NULL) into 0, and EXISTS stops at the first open ticket.
 */
export async function getCustomerStats({ customerId }: { customerId: number }, { db }: HandlerContext): Promise<CustomerStats> {
  const [row] = await db.query(
    `SELECT count(*)::int AS order_count,
            count(*) FILTER (WHERE status IN ('paid', 'shipped'))::int AS paid_order_count,
            count(*) FILTER (WHERE status = 'refunded')::int AS refunded_count,
            coalesce(sum(total_cents) FILTER (WHERE status IN ('paid', 'shipped')), 0)::int AS lifetime_value_cents,
            round(avg(total_cents) FILTER (WHERE status IN ('paid', 'shipped')))::int AS average_order_cents,
            max(placed_at) AS last_order_at,
            EXISTS (SELECT 1 FROM support_tickets WHERE customer_id = $1 AND status = 'open') AS has_open_ticket
       FROM orders
      WHERE customer_id = $1`,
    [customerId],
  );
  return {
    orderCount: row.order_count,
    paidOrderCount: row.paid_order_count,
    refundedCount: row.refunded_count,
    lifetimeValueCents: row.lifetime_value_cents,
    averageOrderCents: row.average_order_cents,
    lastOrderAt: row.last_order_at,
    hasOpenTicket: row.has_open_ticket,
  };
}
