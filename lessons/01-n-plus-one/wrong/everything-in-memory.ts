// Every author's name and every post's comment count loaded into memory once and never refreshed.
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

/** Filled by the first request, then kept for the life of the server: new comments never show. */
let authorNames: Map<number, string> | undefined;
let commentCounts: Map<number, number> | undefined;

export async function getFeed({ page, pageSize }: FeedInput, { db }: HandlerContext): Promise<FeedItem[]> {
  if (!authorNames || !commentCounts) {
    const users = await db.query('SELECT id, name FROM users');
    const counts = await db.query('SELECT post_id, count(*)::int AS n FROM comments GROUP BY post_id');
    authorNames = new Map(users.map((user) => [user.id, user.name]));
    commentCounts = new Map(counts.map((row) => [row.post_id, row.n]));
  }
  const posts = await db.query(
    `SELECT id, author_id, title, created_at
       FROM posts
      ORDER BY created_at DESC, id DESC
      LIMIT $1 OFFSET $2`,
    [pageSize, page * pageSize],
  );
  return posts.map((post) => ({
    id: post.id,
    title: post.title,
    author: authorNames!.get(post.author_id)!,
    createdAt: post.created_at,
    commentCount: commentCounts!.get(post.id) ?? 0,
  }));
}
