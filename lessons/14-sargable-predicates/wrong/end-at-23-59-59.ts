// Ending the day at 23:59:59 drops the orders placed in its last second (23:59:59.5 is later than 23:59:59): the flash sale's last orders go missing.
// expect: correct
import type { HandlerContext } from 'fastpath';

export interface SignInInput {
  /** The address as the customer typed it in the sign-in form, capitals and all. */
  email: string;
}

export interface Account {
  id: number;
  name: string;
}

/** Sign-in: find the account for an email address, whatever its capitals. */
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

/** The back office's "orders of the day" report, in the order they came in. */
export async function getDayOrders({ day }: DayInput, { db }: HandlerContext): Promise<DayOrder[]> {
  const rows = await db.query(
    `SELECT id, customer_id, total_cents, created_at
       FROM orders
      WHERE created_at >= $1::date
        AND created_at <= $1::date + interval '23:59:59'
      ORDER BY created_at, id`,
    [day],
  );
  return rows.map((row) => ({ id: row.id, customerId: row.customer_id, totalCents: row.total_cents, createdAt: row.created_at }));
}
