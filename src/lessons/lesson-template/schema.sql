-- Authors and their books. The foreign key is added by seed.sql after the load (faster).
CREATE TABLE authors (
  id integer PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE books (
  id integer PRIMARY KEY,
  author_id integer NOT NULL,
  title text NOT NULL
);

CREATE INDEX books_author_id ON books (author_id);
