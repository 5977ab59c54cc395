// One INSERT ... ON CONFLICT per line, awaited in the loop: half the round trips of the starter, still one per line.
// expect: maxQueriesPerRequest, speedup

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

/** The SELECT is gone, but each line still waits for its own round trip. */
export async function importPriceList({ supplier, importedAt, lines }: PriceList, { db }: HandlerContext): Promise<void> {
  for (const line of lines) {
    await db.query(
      `INSERT INTO products (sku, supplier, name, price_cents, stock, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6)
       ON CONFLICT (sku) DO UPDATE
          SET price_cents = EXCLUDED.price_cents, stock = EXCLUDED.stock, updated_at = EXCLUDED.updated_at`,
      [line.sku, supplier, line.name, line.priceCents, line.stock, importedAt],
    );
  }
}
