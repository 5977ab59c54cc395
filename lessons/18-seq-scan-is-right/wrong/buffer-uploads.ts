// Keeps uploads in memory and writes every fourth one with the three before it: until then the report and the receipt lookup miss those sales, and a crash would lose them.
// expect: correct
import type { HandlerContext } from 'fastpath';

export interface SaleLine {
  receiptNo: number;
  sku: string;
  quantity: number;
  amountCents: number;
  status: 'sold' | 'void';
  soldAt: string;
}

export interface UploadInput {
  storeId: number;
  lines: SaleLine[];
}

/** Lines waiting to be written: flushed once four uploads have come in, in one bigger INSERT. */
const pending: { storeId: number; line: SaleLine }[] = [];
let uploads = 0;

export async function uploadSales({ storeId, lines }: UploadInput, { db }: HandlerContext): Promise<void> {
  for (const line of lines) pending.push({ storeId, line });
  uploads++;
  if (uploads % 4 !== 0) return;
  const batch = pending.splice(0);
  await db.query(
    `INSERT INTO sale_lines (store_id, receipt_no, sku, quantity, amount_cents, status, sold_at)
     SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::int[], $5::int[], $6::text[], $7::timestamptz[])`,
    [
      batch.map((item) => item.storeId),
      batch.map((item) => item.line.receiptNo),
      batch.map((item) => item.line.sku),
      batch.map((item) => item.line.quantity),
      batch.map((item) => item.line.amountCents),
      batch.map((item) => item.line.status),
      batch.map((item) => item.line.soldAt),
    ],
  );
}

export interface ProductRow {
  sku: string;
  units: number;
  revenueCents: number;
}

/** Head office: the 20 best-selling products since `from`, voided lines left out. */
export async function productReport({ from }: { from: string }, { db }: HandlerContext): Promise<ProductRow[]> {
  const rows = await db.query(
    `SELECT sku, sum(quantity)::int AS units, sum(amount_cents)::int AS revenue_cents
       FROM sale_lines
      WHERE status <> 'void' AND sold_at >= $1
      GROUP BY sku
      ORDER BY revenue_cents DESC, sku
      LIMIT 20`,
    [from],
  );
  return rows.map((row) => ({ sku: row.sku, units: row.units, revenueCents: row.revenue_cents }));
}

export interface ReceiptLine {
  sku: string;
  quantity: number;
  amountCents: number;
  status: string;
  soldAt: Date;
}

/** The support desk opens one receipt. */
export async function getReceipt({ storeId, receiptNo }: { storeId: number; receiptNo: number }, { db }: HandlerContext): Promise<ReceiptLine[]> {
  const rows = await db.query(
    `SELECT sku, quantity, amount_cents, status, sold_at
       FROM sale_lines
      WHERE store_id = $1 AND receipt_no = $2
      ORDER BY id`,
    [storeId, receiptNo],
  );
  return rows.map((row) => ({ sku: row.sku, quantity: row.quantity, amountCents: row.amount_cents, status: row.status, soldAt: row.sold_at }));
}
