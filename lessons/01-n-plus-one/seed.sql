-- Deterministic data: setseed fixes random(), timestamps count from a fixed date.
SELECT setseed(0.17);

-- Bulk load the Postgres way: drop the foreign keys, load, add them back. Checking each key once for
-- the whole table is several times faster than checking it row by row during the insert.
ALTER TABLE posts DROP CONSTRAINT posts_author_id_fkey;
ALTER TABLE comments DROP CONSTRAINT comments_post_id_fkey, DROP CONSTRAINT comments_author_id_fkey;

INSERT INTO users (id, name, joined_at)
SELECT g,
       (ARRAY['Ada','Grace','Linus','Barbara','Ken','Margaret','Dennis','Frances','Edsger','Radia'])[1 + g % 10]
         || ' ' || (ARRAY['Lovelace','Hopper','Torvalds','Liskov','Thompson','Hamilton','Ritchie','Allen','Dijkstra','Perlman'])[1 + (g / 10) % 10]
         || ' #' || g,
       timestamptz '2024-01-01 00:00+00' + g * interval '3 hours'
FROM generate_series(1, 1000) AS g;

-- 10,000 posts, one every 20 minutes; some authors write far more than others.
INSERT INTO posts (id, author_id, title, created_at)
SELECT g,
       1 + floor(1000 * power(random(), 2))::int,
       (ARRAY['Why','How','When','What I learned when','Notes on','The case for','Against','A guide to'])[1 + floor(random() * 8)::int]
         || ' ' || (ARRAY['indexes','caching','connection pools','query plans','N+1 queries','transactions','vacuum','replicas'])[1 + floor(random() * 8)::int]
         || ' (part ' || (1 + g % 7) || ')',
       timestamptz '2025-06-01 00:00+00' + g * interval '20 minutes'
FROM generate_series(1, 10000) AS g;

-- About 24,000 comments; one post in five (picked by a hash of its id) has none at all.
INSERT INTO comments (id, post_id, author_id, body, created_at)
SELECT c.g,
       c.post_id,
       1 + floor(random() * 1000)::int,
       'Comment ' || c.g || ' on post ' || c.post_id,
       timestamptz '2025-06-01 00:00+00' + c.post_id * interval '20 minutes' + (1 + c.g % 600) * interval '1 minute'
FROM (SELECT g, (1 + floor(random() * 10000))::int AS post_id FROM generate_series(1, 30000) AS g) AS c
WHERE (c.post_id * 2654435761::bigint) % 100 >= 20;

ALTER TABLE posts ADD CONSTRAINT posts_author_id_fkey FOREIGN KEY (author_id) REFERENCES users (id);
ALTER TABLE comments
  ADD CONSTRAINT comments_post_id_fkey FOREIGN KEY (post_id) REFERENCES posts (id),
  ADD CONSTRAINT comments_author_id_fkey FOREIGN KEY (author_id) REFERENCES users (id);
