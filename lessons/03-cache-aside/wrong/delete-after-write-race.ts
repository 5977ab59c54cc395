// The entry is deleted after the write, but a page that began loading before the write caches the old price.
// expect: correct, staleReads
// message: A stale read under concurrent traffic: the data changed before this request started, by updatePrice()

import { LRUCache } from 'lru-cache';
import type { HandlerContext } from 'fastpath';

export interface ProductSummary {
  id: number;
  name: string;
  priceCents: number;
  reviewCount: number;
  averageRating: number | null;
  latestReviews: string[];
}

/**
 * Summaries of recently read products. At most 200 entries (the popular products fit), and none
 * older than five minutes: prices also change through imports, which this code never sees.
 */
const summaries = new LRUCache<number, ProductSummary | 'none'>({ max: 200, ttl: 5 * 60_000 });

/** The product page's header, from the cache when it is there. */
export async function getProductSummary({ productId }: { productId: number }, { db }: HandlerContext): Promise<ProductSummary | null> {
  const cached = summaries.get(productId);
  if (cached !== undefined) return cached === 'none' ? null : cached;
  const summary = await loadSummary(productId, db);
  summaries.set(productId, summary ?? 'none');
  return summary;
}

async function loadSummary(productId: number, db: HandlerContext['db']): Promise<ProductSummary | null> {
  const [product] = await db.query('SELECT id, name, price_cents FROM products WHERE id = $1', [productId]);
  if (!product) return null;
  const [stats] = await db.query(
    `SELECT count(*)::int AS review_count, round(avg(rating), 2)::float8 AS average_rating
       FROM reviews WHERE product_id = $1`,
    [productId],
  );
  const latest = await db.query(
    'SELECT title FROM reviews WHERE product_id = $1 ORDER BY created_at DESC, id DESC LIMIT 3',
    [productId],
  );
  return {
    id: product.id,
    name: product.name,
    priceCents: product.price_cents,
    reviewCount: stats.review_count,
    averageRating: stats.average_rating,
    latestReviews: latest.map((row) => row.title),
  };
}

/** A merchant changes a price. */
export async function updatePrice({ productId, priceCents }: { productId: number; priceCents: number }, { db }: HandlerContext): Promise<void> {
  await db.query('UPDATE products SET price_cents = $2 WHERE id = $1', [productId, priceCents]);
  summaries.delete(productId); // after the write, so no reader can cache the old price again
}

/** A customer posts a review. */
export async function addReview(
  { productId, rating, title, createdAt }: { productId: number; rating: number; title: string; createdAt: string },
  { db }: HandlerContext,
): Promise<void> {
  await db.query('INSERT INTO reviews (product_id, rating, title, created_at) VALUES ($1, $2, $3, $4)', [productId, rating, title, createdAt]);
  summaries.delete(productId);
}
