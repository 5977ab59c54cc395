// The description is cut in SQL, but the whole specs document and every image URL still come back for one brand and one image.
// expect: maxBytesPerRequest
import type { HandlerContext } from 'fastpath';

/** One page of a category's grid, most popular first. */
export interface GridInput {
  categoryId: number;
  page: number;
  pageSize: number;
}

/** One tile of the grid. */
export interface Tile {
  id: number;
  name: string;
  priceCents: number;
  /** Average review score, 2 decimals; null before the first review. */
  rating: number | null;
  /** The brand, from the product's technical specs. */
  brand: string;
  /** The first 140 characters of the description, under the name. */
  teaser: string;
  /** The first image: the front view. */
  imageUrl: string;
}

/**
 * The same tiles from a fraction of the bytes: only the columns and the parts of them the tile shows.
 * Postgres cuts the teaser (`left`), reads the brand out of the JSON (`->>`) and picks the first
 * image (arrays start at 1), so the description, the specs and the other images never leave it.
 */
export async function getCategoryPage({ categoryId, page, pageSize }: GridInput, { db }: HandlerContext): Promise<Tile[]> {
  const rows = await db.query(
    `SELECT id, name, price_cents, rating::float8 AS rating, specs, images,
            left(description, 140) AS teaser
       FROM products
      WHERE category_id = $1
      ORDER BY popularity DESC, id
      LIMIT $2 OFFSET $3`,
    [categoryId, pageSize, page * pageSize],
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    priceCents: row.price_cents,
    rating: row.rating,
    brand: row.specs.brand,
    teaser: row.teaser,
    imageUrl: row.images[0],
  }));
}
