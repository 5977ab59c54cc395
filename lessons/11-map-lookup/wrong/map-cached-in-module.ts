// The invoice Map is built once and kept at module level: invoices booked, paid or voided later are never seen.
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

type Invoice = { id: number; number: string; currency: string; amount_cents: number };

/** Built by the first request, then reused by every later one. */
let byNumber: Map<string, Invoice> | undefined;

export async function reconcileStatement({ statementId }: { statementId: number }, { db }: HandlerContext): Promise<Match[]> {
  const lines = await db.query(
    'SELECT id, reference, currency, amount_cents FROM statement_lines WHERE statement_id = $1 ORDER BY id',
    [statementId],
  );
  if (!byNumber) {
    const invoices = await db.query<Invoice>(
      "SELECT id, number, currency, amount_cents FROM invoices WHERE status = 'open' ORDER BY issued_at, id",
    );
    byNumber = new Map();
    for (const inv of invoices) {
      const key = `${inv.currency} ${normalise(inv.number)}`;
      if (!byNumber.has(key)) byNumber.set(key, inv);
    }
  }

  return lines.map((line) => {
    const invoice = byNumber!.get(`${line.currency} ${normalise(line.reference)}`);
    if (!invoice) return { lineId: line.id, invoiceId: null, status: 'unmatched' };
    const status =
      line.amount_cents === invoice.amount_cents ? 'paid' : line.amount_cents < invoice.amount_cents ? 'partial' : 'overpaid';
    return { lineId: line.id, invoiceId: invoice.id, status };
  });
}
