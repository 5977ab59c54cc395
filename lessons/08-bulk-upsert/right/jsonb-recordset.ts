// The deduplicated lines sent as one JSON document; jsonb_to_recordset turns it into rows for INSERT ... ON CONFLICT DO UPDATE.

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

/** One parameter holds the whole list, as JSON; the last line per SKU is kept in JavaScript. */
export async function importPriceList({ supplier, importedAt, lines }: PriceList, { db }: HandlerContext): Promise<void> {
  const lastLine = new Map<string, PriceLine>();
  for (const line of lines) lastLine.set(line.sku, line);
  await db.query(
    `INSERT INTO products (sku, supplier, name, price_cents, stock, created_at, updated_at)
     SELECT l.sku, $1::text, l.name, l."priceCents", l.stock, $2::timestamptz, $2::timestamptz
       FROM jsonb_to_recordset($3::jsonb) AS l(sku text, name text, "priceCents" int, stock int)
     ON CONFLICT (sku) DO UPDATE
        SET price_cents = EXCLUDED.price_cents,
            stock = EXCLUDED.stock,
            updated_at = EXCLUDED.updated_at`,
    [supplier, importedAt, JSON.stringify([...lastLine.values()])],
  );
}
