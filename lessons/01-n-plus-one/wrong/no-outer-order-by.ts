// No ORDER BY on the outer query: a join does not promise to keep the subquery's order.
// expect: correct
// message: The same items, in a different order: the order matters here.

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

/** The page is picked in the right order, but the joined rows come back in whatever order the plan makes. */
export async function getFeed({ page, pageSize }: FeedInput, { db }: HandlerContext): Promise<FeedItem[]> {
  const rows = await db.query(
    `SELECT p.id, p.title, u.name AS author, p.created_at, c.n AS comment_count
       FROM (SELECT id, author_id, title, created_at
               FROM posts
              ORDER BY created_at DESC, id DESC
              LIMIT $1 OFFSET $2) AS p
       JOIN users u ON u.id = p.author_id
       LEFT JOIN LATERAL (SELECT count(*)::int AS n FROM comments WHERE post_id = p.id) AS c ON true`,
    [pageSize, page * pageSize],
  );
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    author: row.author,
    createdAt: row.created_at,
    commentCount: row.comment_count,
  }));
}
