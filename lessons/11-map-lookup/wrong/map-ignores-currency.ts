// A Map keyed by the invoice number alone: the EUR and USD ledgers share numbers, so the Map holds one invoice per number and payments in the other currency find nothing.
// expect: correct

import type { HandlerContext } from 'fastpath';

export interface Match {
  lineId: number;
  /** The invoice this payment settles, or null when no open invoice fits. */
  invoiceId: number | null;
  /** paid: the full amount; partial: less; overpaid: more; unmatched: no open invoice fits. */
  status: 'paid' | 'partial' | 'overpaid' | 'unmatched';
}

/**
 * Payers type invoice numbers as they like (inv 25 00123, INV/25/00123...), and the invoices
 * imported from the old system are numbered in lower case: compare letters and digits only.
 */
function normalise(reference: string): string {
  return reference.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
}

/** The first invoice with each number wins, whatever its currency. */
export async function reconcileStatement({ statementId }: { statementId: number }, { db }: HandlerContext): Promise<Match[]> {
  const lines = await db.query(
    'SELECT id, reference, currency, amount_cents FROM statement_lines WHERE statement_id = $1 ORDER BY id',
    [statementId],
  );
  const invoices = await db.query(
    "SELECT id, number, currency, amount_cents FROM invoices WHERE status = 'open' ORDER BY issued_at, id",
  );

  const byNumber = new Map<string, (typeof invoices)[number]>();
  for (const inv of invoices) {
    const key = normalise(inv.number);
    if (!byNumber.has(key)) byNumber.set(key, inv);
  }

  return lines.map((line) => {
    const found = byNumber.get(normalise(line.reference));
    const invoice = found && found.currency === line.currency ? found : undefined;
    if (!invoice) return { lineId: line.id, invoiceId: null, status: 'unmatched' };
    const status =
      line.amount_cents === invoice.amount_cents ? 'paid' : line.amount_cents < invoice.amount_cents ? 'partial' : 'overpaid';
    return { lineId: line.id, invoiceId: invoice.id, status };
  });
}
