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

/** The category page's product grid. */
export async function getCategoryPage({ categoryId, page, pageSize }: GridInput, { db }: HandlerContext): Promise<Tile[]> {
  const products = await db.query(
    `SELECT *
       FROM products
      WHERE category_id = $1
      ORDER BY popularity DESC, id
      LIMIT $2 OFFSET $3`,
    [categoryId, pageSize, page * pageSize],
  );
  return products.map((product) => ({
    id: product.id,
    name: product.name,
    priceCents: product.price_cents,
    rating: product.rating === null ? null : Number(product.rating),
    brand: product.specs.brand,
    teaser: product.description.slice(0, 140),
    imageUrl: product.images[0],
  }));
}
