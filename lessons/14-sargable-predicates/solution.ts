import type { HandlerContext } from 'fastpath';

export interface SignInInput {
  /** The address as the customer typed it in the sign-in form, capitals and all. */
  email: string;
}

export interface Account {
  id: number;
  name: string;
}

/**
 * Sign-in: find the account for an email address, whatever its capitals. The query is the same as
 * the starter's: solution.sql adds the expression index on lower(email) that it can use.
 */
export async function signIn({ email }: SignInInput, { db }: HandlerContext): Promise<Account | null> {
  const rows = await db.query(
    `SELECT id, name
       FROM customers
      WHERE lower(email) = lower($1)`,
    [email],
  );
  return rows.length === 0 ? null : { id: rows[0].id, name: rows[0].name };
}

export interface DayInput {
  /** A calendar day, '2025-03-10'. The shop keeps its books in UTC. */
  day: string;
}

export interface DayOrder {
  id: number;
  customerId: number;
  totalCents: number;
  createdAt: Date;
}

/**
 * The back office's "orders of the day" report, in the order they came in. A half-open range on
 * the bare column: from the day's midnight, up to but not including the next day's midnight. Both
 * bounds are dates converted to timestamptz in the session's TimeZone, exactly as created_at::date
 * converts the other way, so it picks the same rows in any time zone.
 */
export async function getDayOrders({ day }: DayInput, { db }: HandlerContext): Promise<DayOrder[]> {
  const rows = await db.query(
    `SELECT id, customer_id, total_cents, created_at
       FROM orders
      WHERE created_at >= $1::date
        AND created_at < $1::date + 1
      ORDER BY created_at, id`,
    [day],
  );
  return rows.map((row) => ({ id: row.id, customerId: row.customer_id, totalCents: row.total_cents, createdAt: row.created_at }));
}
