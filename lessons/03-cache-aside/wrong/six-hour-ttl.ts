// A TTL of six hours: prices changed by an import are served for up to six hours.
// expect: correct, staleReads
// message: readers may lag behind it by at most 5.0 minutes

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

/** Summaries of recently read products: at most 200, each kept for up to six hours. */
const summaries = new LRUCache<number, ProductSummary | 'none'>({ max: 200, ttl: 6 * 3600_000 });

/**
 * How many times this app has written each product. A load that started before a write may have
 * read the old data; if the count moved while it loaded, its result is not cached.
 */
const writes = new Map<number, number>();

/** The product page's header, from the cache when it is there. */
export async function getProductSummary({ productId }: { productId: number }, { db }: HandlerContext): Promise<ProductSummary | null> {
  const cached = summaries.get(productId);
  if (cached !== undefined) return cached === 'none' ? null : cached;
  const writesBefore = writes.get(productId) ?? 0;
  const summary = await loadSummary(productId, db);
  if ((writes.get(productId) ?? 0) === writesBefore) summaries.set(productId, summary ?? 'none');
  return summary;
}

/** After a write: readers from now on load afresh, and loads already running do not cache. */
function invalidate(productId: number): void {
  writes.set(productId, (writes.get(productId) ?? 0) + 1);
  summaries.delete(productId);
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
  invalidate(productId); // after the write has landed
}

/** A customer posts a review. */
export async function addReview(
  { productId, rating, title, createdAt }: { productId: number; rating: number; title: string; createdAt: string },
  { db }: HandlerContext,
): Promise<void> {
  await db.query('INSERT INTO reviews (product_id, rating, title, created_at) VALUES ($1, $2, $3, $4)', [productId, rating, title, createdAt]);
  invalidate(productId);
}
