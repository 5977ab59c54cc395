-- An outdoor gear shop's catalogue. A product row carries everything the product page needs: a long
-- description, a JSON document of technical specs and a list of image URLs.
CREATE TABLE categories (
  id    integer PRIMARY KEY,
  name  text NOT NULL
);

CREATE TABLE products (
  id            integer PRIMARY KEY,
  category_id   integer NOT NULL REFERENCES categories (id),
  name          text NOT NULL,
  price_cents   integer NOT NULL,
  popularity    integer NOT NULL,
  rating        numeric(3, 2),
  description   text NOT NULL,
  specs         jsonb NOT NULL,
  images        text[] NOT NULL,
  updated_at    timestamptz NOT NULL
);

-- The category grid lists a category's products, most popular first.
CREATE INDEX products_category_popularity_idx ON products (category_id, popularity DESC, id);
