// A plain JOIN on the comment counts: posts without comments drop out of the feed.
// expect: correct
// message: of 20 expected items are missing.

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

/** One round trip, but the counts come from a GROUP BY that has no row for a post nobody commented on. */
export async function getFeed({ page, pageSize }: FeedInput, { db }: HandlerContext): Promise<FeedItem[]> {
  const rows = await db.query(
    `SELECT p.id, p.title, u.name AS author, p.created_at, c.n AS comment_count
       FROM (SELECT id, author_id, title, created_at
               FROM posts
              ORDER BY created_at DESC, id DESC
              LIMIT $1 OFFSET $2) AS p
       JOIN users u ON u.id = p.author_id
       JOIN (SELECT post_id, count(*)::int AS n FROM comments GROUP BY post_id) AS c ON c.post_id = p.id
      ORDER BY p.created_at DESC, p.id DESC`,
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
