// A plain JOIN on the books: authors without books drop out of the page.
// expect: correct
import type { HandlerContext } from 'fastpath';

export interface AuthorsInput {
  page: number;
}

export async function listAuthors({ page }: AuthorsInput, { db }: HandlerContext) {
  const rows = await db.query(
    `SELECT a.id, a.name, count(*)::int AS books
       FROM authors a
       JOIN books b ON b.author_id = a.id
      GROUP BY a.id
      ORDER BY a.id
      LIMIT 10 OFFSET $1`,
    [page * 10],
  );
  return rows.map((row) => ({ id: row.id, name: row.name, books: row.books }));
}
