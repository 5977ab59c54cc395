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

/**
 * Imports a price list line by line: a product the shop has gets the new price and stock; a new
 * SKU becomes a new product under the supplier's name.
 */
export async function importPriceList({ supplier, importedAt, lines }: PriceList, { db }: HandlerContext): Promise<void> {
  for (const line of lines) {
    const [existing] = await db.query('SELECT sku FROM products WHERE sku = $1', [line.sku]);
    if (existing) {
      await db.query('UPDATE products SET price_cents = $2, stock = $3, updated_at = $4 WHERE sku = $1', [
        line.sku,
        line.priceCents,
        line.stock,
        importedAt,
      ]);
    } else {
      await db.query(
        `INSERT INTO products (sku, supplier, name, price_cents, stock, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6)`,
        [line.sku, supplier, line.name, line.priceCents, line.stock, importedAt],
      );
    }
  }
}
