// One query: the lines JOIN tax_zones, so every row brings its zone's rate (a string, as before) and the arithmetic stays in JavaScript.
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

/** The rate comes with each line: tax_zones joined in the same query, one round trip per invoice. */
export async function getInvoiceDraft({ invoiceId }: { invoiceId: number }, { db }: HandlerContext): Promise<InvoiceDraft | null> {
  const rows = await db.query(
    `SELECT i.id AS invoice_id, c.name AS customer, i.period,
            l.line_no, loc.name AS location, loc.tax_zone, z.rate_percent, p.name AS product,
            l.quantity, l.quantity * l.unit_price_cents AS amount_cents
       FROM invoices i
       JOIN customers c ON c.id = i.customer_id
       JOIN invoice_lines l ON l.invoice_id = i.id
       JOIN locations loc ON loc.id = l.location_id
       JOIN tax_zones z ON z.code = loc.tax_zone
       JOIN products p ON p.id = l.product_id
      WHERE i.id = $1
      ORDER BY l.line_no`,
    [invoiceId],
  );
  if (rows.length === 0) return null;

  const lines: InvoiceLine[] = rows.map((row) => {
    const rate: string = row.rate_percent;
    return {
        lineNo: row.line_no,
        location: row.location,
        product: row.product,
        quantity: row.quantity,
        amountCents: row.amount_cents,
        zone: row.tax_zone,
        ratePercent: rate,
        taxCents: Math.round((row.amount_cents * Number(rate)) / 100),
    };
  });

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
