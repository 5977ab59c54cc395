// Two aggregate queries sent at once with Promise.all, the average computed in the app from the sum and the count.
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

/** Two aggregate queries sent together: the orders' figures, and whether an open ticket exists. */
export async function getCustomerStats({ customerId }: { customerId: number }, { db }: HandlerContext): Promise<CustomerStats> {
  const [[orders], [tickets]] = await Promise.all([
    db.query(
      `SELECT count(*)::int AS order_count,
              count(*) FILTER (WHERE status IN ('paid', 'shipped'))::int AS paid_order_count,
              count(*) FILTER (WHERE status = 'refunded')::int AS refunded_count,
              sum(total_cents) FILTER (WHERE status IN ('paid', 'shipped'))::int AS paid_cents,
              max(placed_at) AS last_order_at
         FROM orders
        WHERE customer_id = $1`,
      [customerId],
    ),
    db.query(`SELECT count(*) FILTER (WHERE status = 'open') > 0 AS has_open FROM support_tickets WHERE customer_id = $1`, [customerId]),
  ]);
  const lifetimeValueCents = orders.paid_cents ?? 0;
  return {
    orderCount: orders.order_count,
    paidOrderCount: orders.paid_order_count,
    refundedCount: orders.refunded_count,
    lifetimeValueCents,
    averageOrderCents: orders.paid_order_count === 0 ? null : Math.round(lifetimeValueCents / orders.paid_order_count),
    lastOrderAt: orders.last_order_at,
    hasOpenTicket: tickets.has_open,
  };
}
