// DO UPDATE copies every column from EXCLUDED: existing products get the supplier's name and a new created_at.
// expect: correct

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

/** Deduplicated, one statement; but the update replaces the whole row with the file's. */
export async function importPriceList({ supplier, importedAt, lines }: PriceList, { db }: HandlerContext): Promise<void> {
  const lastLine = new Map<string, PriceLine>();
  for (const line of lines) lastLine.set(line.sku, line);
  const unique = [...lastLine.values()];
  await db.query(
    `INSERT INTO products (sku, supplier, name, price_cents, stock, created_at, updated_at)
     SELECT l.sku, $1::text, l.name, l.price_cents, l.stock, $2::timestamptz, $2::timestamptz
       FROM unnest($3::text[], $4::text[], $5::int[], $6::int[]) AS l(sku, name, price_cents, stock)
     ON CONFLICT (sku) DO UPDATE
        SET name = EXCLUDED.name,
            price_cents = EXCLUDED.price_cents,
            stock = EXCLUDED.stock,
            created_at = EXCLUDED.created_at,
            updated_at = EXCLUDED.updated_at`,
    [
      supplier,
      importedAt,
      unique.map((line) => line.sku),
      unique.map((line) => line.name),
      unique.map((line) => line.priceCents),
      unique.map((line) => line.stock),
    ],
  );
}
