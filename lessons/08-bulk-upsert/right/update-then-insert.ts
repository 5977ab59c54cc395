// Two set-based statements in one transaction: UPDATE ... FROM unnest for the known SKUs, then INSERT ... WHERE NOT EXISTS for the new ones.

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

/** The way before ON CONFLICT existed: four round trips (BEGIN, UPDATE, INSERT, COMMIT) whatever the file's length. */
export async function importPriceList({ supplier, importedAt, lines }: PriceList, { db }: HandlerContext): Promise<void> {
  const lastLine = new Map<string, PriceLine>();
  for (const line of lines) lastLine.set(line.sku, line);
  const unique = [...lastLine.values()];
  const skus = unique.map((line) => line.sku);
  const prices = unique.map((line) => line.priceCents);
  const stocks = unique.map((line) => line.stock);
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE products AS p
          SET price_cents = l.price_cents, stock = l.stock, updated_at = $1::timestamptz
         FROM unnest($2::text[], $3::int[], $4::int[]) AS l(sku, price_cents, stock)
        WHERE p.sku = l.sku`,
      [importedAt, skus, prices, stocks],
    );
    await tx.query(
      `INSERT INTO products (sku, supplier, name, price_cents, stock, created_at, updated_at)
       SELECT l.sku, $1::text, l.name, l.price_cents, l.stock, $2::timestamptz, $2::timestamptz
         FROM unnest($3::text[], $4::text[], $5::int[], $6::int[]) AS l(sku, name, price_cents, stock)
        WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.sku = l.sku)`,
      [supplier, importedAt, skus, unique.map((line) => line.name), prices, stocks],
    );
  });
}
