// Sorted by number and searched by halving: fast, but when two open invoices share a number it returns whichever it lands on, not the one issued first.
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

interface Keyed {
  key: string;
  invoice: { id: number; amount_cents: number };
}

/** Any entry whose key equals `key`, or undefined. */
function search(sorted: Keyed[], key: string): Keyed['invoice'] | undefined {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle].key === key) return sorted[middle].invoice;
    if (sorted[middle].key < key) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

export async function reconcileStatement({ statementId }: { statementId: number }, { db }: HandlerContext): Promise<Match[]> {
  const lines = await db.query(
    'SELECT id, reference, currency, amount_cents FROM statement_lines WHERE statement_id = $1 ORDER BY id',
    [statementId],
  );
  const invoices = await db.query(
    "SELECT id, number, currency, amount_cents FROM invoices WHERE status = 'open' ORDER BY issued_at, id",
  );

  const sorted: Keyed[] = invoices
    .map((inv) => ({ key: `${inv.currency} ${normalise(inv.number)}`, invoice: { id: inv.id, amount_cents: inv.amount_cents } }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  return lines.map((line) => {
    const invoice = search(sorted, `${line.currency} ${normalise(line.reference)}`);
    if (!invoice) return { lineId: line.id, invoiceId: null, status: 'unmatched' };
    const status =
      line.amount_cents === invoice.amount_cents ? 'paid' : line.amount_cents < invoice.amount_cents ? 'partial' : 'overpaid';
    return { lineId: line.id, invoiceId: invoice.id, status };
  });
}
