import type { HandlerContext } from 'fastpath';

/** Which page of the author list: 0 is the first. */
export interface AuthorsInput {
  page: number;
}

export interface AuthorSummary {
  id: number;
  name: string;
  books: number;
}

/** Ten authors by id, each with the number of books they wrote: one statement, one round trip. */
export async function listAuthors({ page }: AuthorsInput, { db }: HandlerContext): Promise<AuthorSummary[]> {
  const rows = await db.query(
    `SELECT a.id, a.name, (SELECT count(*)::int FROM books b WHERE b.author_id = a.id) AS books
       FROM authors a
      ORDER BY a.id
      LIMIT 10 OFFSET $1`,
    [page * 10],
  );
  return rows.map((row) => ({ id: row.id, name: row.name, books: row.books }));
}
