// MERGE from unnest WITH ORDINALITY; DISTINCT ON (sku) ordered by line number, descending, keeps each SKU's last line inside Postgres.

import type { HandlerContext } from 'fastpath';

/** One line of a supplier's price list. */
export interface PriceLine {
  sku: string;
  /** The supplier's name for the article: used only for a product the shop does not have yet. */
  name: string;
  priceCents: number;
  stock: number;
}

/**
 * A supplier's price list, lines in file order. A SKU can appear twice: suppliers append
 * corrections at the end of the file, and the later line wins.
 */
export interface PriceList {
  supplier: string;
  /** When the import runs (an ISO timestamp): the products' new updated_at. */
  importedAt: string;
  lines: PriceLine[];
}

/** One MERGE; the duplicates are removed in SQL, using each line's position in the file. */
export async function importPriceList({ supplier, importedAt, lines }: PriceList, { db }: HandlerContext): Promise<void> {
  await db.query(
    `MERGE INTO products AS p
     USING (
       SELECT DISTINCT ON (l.sku) l.sku, l.name, l.price_cents, l.stock
         FROM unnest($3::text[], $4::text[], $5::int[], $6::int[]) WITH ORDINALITY AS l(sku, name, price_cents, stock, n)
        ORDER BY l.sku, l.n DESC
     ) AS l
     ON p.sku = l.sku
     WHEN MATCHED THEN
       UPDATE SET price_cents = l.price_cents, stock = l.stock, updated_at = $2::timestamptz
     WHEN NOT MATCHED THEN
       INSERT (sku, supplier, name, price_cents, stock, created_at, updated_at)
       VALUES (l.sku, $1::text, l.name, l.price_cents, l.stock, $2::timestamptz, $2::timestamptz)`,
    [
      supplier,
      importedAt,
      lines.map((line) => line.sku),
      lines.map((line) => line.name),
      lines.map((line) => line.priceCents),
      lines.map((line) => line.stock),
    ],
  );
}
