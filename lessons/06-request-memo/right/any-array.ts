// Two queries whatever the size: the lines, then the rates of the invoice's distinct zones with WHERE code = ANY($1).
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

/** One query for the rates of all the invoice's zones, then the same arithmetic per line. */
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

  // The distinct zones of this invoice, and their rates in one query.
  const zones = [...new Set(rows.map((row) => row.tax_zone as string))];
  const zoneRows = await db.query('SELECT code, rate_percent FROM tax_zones WHERE code = ANY($1)', [zones]);
  const rates = new Map<string, string>(zoneRows.map((zone) => [zone.code, zone.rate_percent]));

  const lines: InvoiceLine[] = rows.map((row) => {
    const rate = rates.get(row.tax_zone)!;
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
