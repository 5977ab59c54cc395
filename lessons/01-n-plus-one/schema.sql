-- A small blogging platform: users write posts, readers leave comments.
CREATE TABLE users (
  id          integer PRIMARY KEY,
  name        text NOT NULL,
  joined_at   timestamptz NOT NULL
);

CREATE TABLE posts (
  id          integer PRIMARY KEY,
  author_id   integer NOT NULL REFERENCES users (id),
  title       text NOT NULL,
  created_at  timestamptz NOT NULL
);

CREATE TABLE comments (
  id          integer PRIMARY KEY,
  post_id     integer NOT NULL REFERENCES posts (id),
  author_id   integer NOT NULL REFERENCES users (id),
  body        text NOT NULL,
  created_at  timestamptz NOT NULL
);

-- The feed reads posts newest first, and counts comments per post.
CREATE INDEX posts_created_at_idx ON posts (created_at DESC, id DESC);
CREATE INDEX comments_post_id_idx ON comments (post_id);
