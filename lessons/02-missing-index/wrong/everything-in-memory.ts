// Every open order loaded into memory on the first request: orders placed or paid later never show.
// expect: correct
// message: expected items are missing

import type { HandlerContext } from 'fastpath';

export interface OpenOrdersInput {
  customerId: number;
}

export interface OpenOrder {
  id: number;
  totalCents: number;
  createdAt: Date;
}

/** Open orders by customer, newest first: read once, then kept for the life of the server. */
let openByCustomer: Map<number, OpenOrder[]> | undefined;

export async function getOpenOrders({ customerId }: OpenOrdersInput, { db }: HandlerContext): Promise<OpenOrder[]> {
  if (!openByCustomer) {
    openByCustomer = new Map();
    const rows = await db.query(
      `SELECT id, customer_id, total_cents, created_at
         FROM orders
        WHERE status = 'open'
        ORDER BY created_at DESC, id DESC`,
    );
    for (const row of rows) {
      const orders = openByCustomer.get(row.customer_id) ?? [];
      orders.push({ id: row.id, totalCents: row.total_cents, createdAt: row.created_at });
      openByCustomer.set(row.customer_id, orders);
    }
  }
  return openByCustomer.get(customerId) ?? [];
}
