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
 * One statement for the whole list. The lines travel as four array parameters, one per column;
 * unnest turns them back into rows inside Postgres, and ON CONFLICT sends each SKU the shop already
 * has to the UPDATE branch instead of the INSERT. Only price, stock and updated_at change for an
 * existing product: its name and created_at stay the shop's.
 *
 * Postgres refuses to update the same row twice in one such statement ("ON CONFLICT DO UPDATE
 * command cannot affect row a second time"), so the list is first reduced to one line per SKU. A
 * Map keeps the value set last, so the correction further down the file wins, as it did line by line.
 */
export async function importPriceList({ supplier, importedAt, lines }: PriceList, { db }: HandlerContext): Promise<void> {
  const lastLine = new Map<string, PriceLine>();
  for (const line of lines) lastLine.set(line.sku, line);
  const unique = [...lastLine.values()];

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
      unique.map((line) => line.sku),
      unique.map((line) => line.name),
      unique.map((line) => line.priceCents),
      unique.map((line) => line.stock),
    ],
  );
}
