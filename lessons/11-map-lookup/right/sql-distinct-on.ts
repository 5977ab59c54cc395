// The matching done in SQL: a LEFT JOIN keeps payments without an invoice, DISTINCT ON keeps the invoice issued first.

import type { HandlerContext } from 'fastpath';

export interface Match {
  lineId: number;
  /** The invoice this payment settles, or null when no open invoice fits. */
  invoiceId: number | null;
  /** paid: the full amount; partial: less; overpaid: more; unmatched: no open invoice fits. */
  status: 'paid' | 'partial' | 'overpaid' | 'unmatched';
}

/**
 * One query. Postgres joins the payments to the open invoices on currency and normalised number,
 * sorting each side once (a merge join here) rather than searching per payment; of several
 * matches, DISTINCT ON keeps the first row of each payment in the ORDER BY, the invoice issued
 * first. The LEFT JOIN gives a payment without a match one row, with NULLs for the invoice.
 */
export async function reconcileStatement({ statementId }: { statementId: number }, { db }: HandlerContext): Promise<Match[]> {
  const rows = await db.query(
    `SELECT DISTINCT ON (l.id) l.id AS line_id, i.id AS invoice_id,
            CASE WHEN i.id IS NULL THEN 'unmatched'
                 WHEN l.amount_cents = i.amount_cents THEN 'paid'
                 WHEN l.amount_cents < i.amount_cents THEN 'partial'
                 ELSE 'overpaid' END AS status
       FROM statement_lines l
       LEFT JOIN invoices i
         ON i.status = 'open'
        AND i.currency = l.currency
        AND upper(regexp_replace(i.number, '[^0-9A-Za-z]', '', 'g')) = upper(regexp_replace(l.reference, '[^0-9A-Za-z]', '', 'g'))
      WHERE l.statement_id = $1
      ORDER BY l.id, i.issued_at, i.id`,
    [statementId],
  );
  return rows.map((row) => ({ lineId: row.line_id, invoiceId: row.invoice_id, status: row.status }));
}
