// Whole feed pages cached in a module-level Map forever: new posts and comments never show.
// expect: correct
// message: A stale read: this is what the same request returned before the data changed.

import type { HandlerContext } from 'fastpath';

/** A page of the home feed: `page` 0 is the newest. */
export interface FeedInput {
  page: number;
  pageSize: number;
}

export interface FeedItem {
  id: number;
  title: string;
  author: string;
  createdAt: Date;
  commentCount: number;
}

/** Every page ever served, by page and size; nothing is ever evicted or refreshed. */
const pages = new Map<string, FeedItem[]>();

export async function getFeed({ page, pageSize }: FeedInput, { db }: HandlerContext): Promise<FeedItem[]> {
  const key = `${page}/${pageSize}`;
  const cached = pages.get(key);
  if (cached) return cached;
  const rows = await db.query(
    `SELECT p.id, p.title, u.name AS author, p.created_at, c.n AS comment_count
       FROM (SELECT id, author_id, title, created_at
               FROM posts
              ORDER BY created_at DESC, id DESC
              LIMIT $1 OFFSET $2) AS p
       JOIN users u ON u.id = p.author_id
       LEFT JOIN LATERAL (SELECT count(*)::int AS n FROM comments WHERE post_id = p.id) AS c ON true
      ORDER BY p.created_at DESC, p.id DESC`,
    [pageSize, page * pageSize],
  );
  const feed = rows.map((row) => ({
    id: row.id,
    title: row.title,
    author: row.author,
    createdAt: row.created_at,
    commentCount: row.comment_count,
  }));
  pages.set(key, feed);
  return feed;
}
