-- The same rows on every run: generate_series, no random(), no now().
INSERT INTO authors (id, name)
SELECT g, 'Author ' || g FROM generate_series(1, 200) AS g;

-- Every seventh author has no books yet, and each page of ten has one of them.
INSERT INTO books (id, author_id, title)
SELECT g, 1 + g % 200, 'Book ' || g
  FROM generate_series(1, 2000) AS g
 WHERE (1 + g % 200) % 7 <> 0;

ALTER TABLE books ADD FOREIGN KEY (author_id) REFERENCES authors (id);
