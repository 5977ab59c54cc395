// LIMIT 1 makes the query fast by dropping rows: a customer with several open orders sees only one.
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

/** The "your open orders" box on a customer's account page, newest first. */
export async function getOpenOrders({ customerId }: OpenOrdersInput, { db }: HandlerContext): Promise<OpenOrder[]> {
  const rows = await db.query(
    `SELECT id, total_cents, created_at
       FROM orders
      WHERE customer_id = $1 AND status = 'open'
      ORDER BY created_at DESC, id DESC
      LIMIT 1`,
    [customerId],
  );
  return rows.map((row) => ({ id: row.id, totalCents: row.total_cents, createdAt: row.created_at }));
}
