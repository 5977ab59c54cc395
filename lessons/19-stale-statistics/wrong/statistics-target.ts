// Raises default_statistics_target before ANALYZE: a planner setting belongs to the server, and 100 is plenty to see a status that is a third of a percent of the table.
import type { HandlerContext } from 'fastpath';

export interface MarketplaceOrder {
  externalRef: string;
  customerId: number;
  totalCents: number;
  createdAt: string;
}

export interface ImportInput {
  marketplace: string;
  receivedAt: string;
  orders: MarketplaceOrder[];
}

/** The evening import: one batch row, then every order of the batch as 'pending', in one INSERT. */
export async function importBatch({ marketplace, receivedAt, orders }: ImportInput, { db }: HandlerContext): Promise<{ batchId: number; imported: number }> {
  const [batch] = await db.query(
    `INSERT INTO import_batches (marketplace, received_at, order_count) VALUES ($1, $2, $3) RETURNING id`,
    [marketplace, receivedAt, orders.length],
  );
  await db.query(
    `INSERT INTO orders (batch_id, external_ref, customer_id, status, total_cents, created_at)
     SELECT $1, ref, customer_id, 'pending', total_cents, created_at
       FROM unnest($2::text[], $3::int[], $4::int[], $5::timestamptz[]) AS o(ref, customer_id, total_cents, created_at)`,
    [
      batch.id,
      orders.map((order) => order.externalRef),
      orders.map((order) => order.customerId),
      orders.map((order) => order.totalCents),
      orders.map((order) => order.createdAt),
    ],
  );
  await db.query('SET default_statistics_target = 1000');
  await db.query('ANALYZE orders');
  return { batchId: batch.id, imported: orders.length };
}

export interface DuplicatePair {
  orderId: number;
  duplicateOf: number;
  customerId: number;
  totalCents: number;
}

/**
 * Likely duplicates among the pending orders: the same customer and the same total within an hour.
 * Each pair names the later order and the earlier one it may repeat.
 */
export async function findDuplicates(_input: unknown, { db }: HandlerContext): Promise<DuplicatePair[]> {
  const rows = await db.query(
    `SELECT a.id AS order_id, b.id AS duplicate_of, a.customer_id, a.total_cents
       FROM orders a
       JOIN orders b ON b.customer_id = a.customer_id
                    AND b.total_cents = a.total_cents
                    AND b.id < a.id
                    AND b.created_at > a.created_at - interval '1 hour'
      WHERE a.status = 'pending' AND b.status = 'pending'
      ORDER BY a.id, b.id`,
  );
  return rows.map((row) => ({ orderId: row.order_id, duplicateOf: row.duplicate_of, customerId: row.customer_id, totalCents: row.total_cents }));
}

export interface CustomerOrder {
  id: number;
  status: string;
  totalCents: number;
  createdAt: Date;
}

/** A customer's latest ten orders, for the support desk. */
export async function customerOrders({ customerId }: { customerId: number }, { db }: HandlerContext): Promise<CustomerOrder[]> {
  const rows = await db.query(
    `SELECT id, status, total_cents, created_at
       FROM orders
      WHERE customer_id = $1
      ORDER BY created_at DESC, id DESC
      LIMIT 10`,
    [customerId],
  );
  return rows.map((row) => ({ id: row.id, status: row.status, totalCents: row.total_cents, createdAt: row.created_at }));
}
