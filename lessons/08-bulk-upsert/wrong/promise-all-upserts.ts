// One upsert per line under Promise.all: the pool runs ten at a time, but it is still one query per line.
// expect: maxQueriesPerRequest

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

/** No SELECT any more, and the upserts overlap; the number of round trips still grows with the file. */
export async function importPriceList({ supplier, importedAt, lines }: PriceList, { db }: HandlerContext): Promise<void> {
  await Promise.all(
    lines.map((line) =>
      db.query(
        `INSERT INTO products (sku, supplier, name, price_cents, stock, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6)
         ON CONFLICT (sku) DO UPDATE
            SET price_cents = EXCLUDED.price_cents, stock = EXCLUDED.stock, updated_at = EXCLUDED.updated_at`,
        [line.sku, supplier, line.name, line.priceCents, line.stock, importedAt],
      ),
    ),
  );
}
