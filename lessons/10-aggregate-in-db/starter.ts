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

const PAID = new Set(['paid', 'shipped']);

/** The account page's statistics, computed in the app from every order and ticket of the customer. */
export async function getCustomerStats({ customerId }: { customerId: number }, { db }: HandlerContext): Promise<CustomerStats> {
  const orders = await db.query('SELECT * FROM orders WHERE customer_id = $1', [customerId]);
  const tickets = await db.query('SELECT * FROM support_tickets WHERE customer_id = $1', [customerId]);

  let paidOrderCount = 0;
  let refundedCount = 0;
  let lifetimeValueCents = 0;
  let lastOrderAt: Date | null = null;
  for (const order of orders) {
    if (PAID.has(order.status)) {
      paidOrderCount++;
      lifetimeValueCents += order.total_cents;
    }
    if (order.status === 'refunded') refundedCount++;
    if (lastOrderAt === null || order.placed_at > lastOrderAt) lastOrderAt = order.placed_at;
  }
  return {
    orderCount: orders.length,
    paidOrderCount,
    refundedCount,
    lifetimeValueCents,
    averageOrderCents: paidOrderCount === 0 ? null : Math.round(lifetimeValueCents / paidOrderCount),
    lastOrderAt,
    hasOpenTicket: tickets.some((ticket) => ticket.status === 'open'),
  };
}
