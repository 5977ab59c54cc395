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

/** Ten authors by id, each with the number of books they wrote. */
export async function listAuthors({ page }: AuthorsInput, { db }: HandlerContext): Promise<AuthorSummary[]> {
  const authors = await db.query('SELECT id, name FROM authors ORDER BY id LIMIT 10 OFFSET $1', [page * 10]);

  const list: AuthorSummary[] = [];
  for (const author of authors) {
    const [count] = await db.query('SELECT count(*)::int AS n FROM books WHERE author_id = $1', [author.id]);
    list.push({ id: author.id, name: author.name, books: count.n });
  }
  return list;
}
