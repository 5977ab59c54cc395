// The invoice's tax computed on each zone's subtotal, rounded once per zone: the total no longer equals the sum of the lines' taxes, off by a cent or more.
// expect: correct
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

/** Rates in one query; the invoice's tax is computed on each zone's subtotal, rounded once per zone. */
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

  // The tax of the invoice: each zone's subtotal times its rate, rounded once per zone.
  const zoneSubtotals = new Map<string, number>();
  for (const line of lines) zoneSubtotals.set(line.zone, (zoneSubtotals.get(line.zone) ?? 0) + line.amountCents);
  let taxCents = 0;
  for (const [zone, amount] of zoneSubtotals) taxCents += Math.round((amount * Number(rates.get(zone))) / 100);

  const subtotalCents = lines.reduce((sum, line) => sum + line.amountCents, 0);
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
