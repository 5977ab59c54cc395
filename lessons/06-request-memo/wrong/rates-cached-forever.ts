// The rates memoized in a module-level Map: it outlives the request, so a draft opened after a rate change still uses the old rate.
// expect: correct, staleReads
import type { HandlerContext } from 'fastpath';

export interface InvoiceLine {
  lineNo: number;
  location: string;
  product: string;
  quantity: number;
  amountCents: number;
  zone: string;
  /** The zone's sales tax rate as Postgres stores it (numeric arrives as a string): '8.875'. */
  ratePercent: string;
  taxCents: number;
}

export interface InvoiceDraft {
  invoiceId: number;
  customer: string;
  period: string;
  lines: InvoiceLine[];
  subtotalCents: number;
  taxCents: number;
  totalCents: number;
}

/** Zone code to rate, filled as drafts need them and kept for the life of the server. */
const rates = new Map<string, string>();

/** Each zone is looked up once per server, not once per request: a rate changed today is never seen. */
export async function getInvoiceDraft({ invoiceId }: { invoiceId: number }, { db }: HandlerContext): Promise<InvoiceDraft | null> {
  const rows = await db.query(
    `SELECT i.id AS invoice_id, c.name AS customer, i.period,
            l.line_no, loc.name AS location, loc.tax_zone, p.name AS product,
            l.quantity, l.quantity * l.unit_price_cents AS amount_cents
       FROM invoices i
       JOIN customers c ON c.id = i.customer_id
       JOIN invoice_lines l ON l.invoice_id = i.id
       JOIN locations loc ON loc.id = l.location_id
       JOIN products p ON p.id = l.product_id
      WHERE i.id = $1
      ORDER BY l.line_no`,
    [invoiceId],
  );
  if (rows.length === 0) return null;

  const lines: InvoiceLine[] = [];
  for (const row of rows) {
    let rate = rates.get(row.tax_zone);
    if (rate === undefined) {
      const [zone] = await db.query('SELECT rate_percent FROM tax_zones WHERE code = $1', [row.tax_zone]);
      rate = zone.rate_percent as string;
      rates.set(row.tax_zone, rate);
    }
    lines.push({
      lineNo: row.line_no,
      location: row.location,
      product: row.product,
      quantity: row.quantity,
      amountCents: row.amount_cents,
      zone: row.tax_zone,
      ratePercent: rate,
      taxCents: Math.round((row.amount_cents * Number(rate)) / 100),
    });
  }

  const subtotalCents = lines.reduce((sum, line) => sum + line.amountCents, 0);
  const taxCents = lines.reduce((sum, line) => sum + line.taxCents, 0);
  return {
    invoiceId: rows[0].invoice_id,
    customer: rows[0].customer,
    period: rows[0].period,
    lines,
    subtotalCents,
    taxCents,
    totalCents: subtotalCents + taxCents,
  };
}
