-- A product catalogue with customer reviews.
CREATE TABLE products (
  id           integer PRIMARY KEY,
  name         text NOT NULL,
  price_cents  integer NOT NULL CHECK (price_cents > 0)
);

CREATE TABLE reviews (
  id           integer PRIMARY KEY,
  product_id   integer NOT NULL REFERENCES products (id),
  rating       smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  title        text NOT NULL,
  created_at   timestamptz NOT NULL
);

CREATE INDEX reviews_product_id_idx ON reviews (product_id, created_at DESC);

-- New reviews get the next id.
CREATE SEQUENCE reviews_id_seq OWNED BY reviews.id;
ALTER TABLE reviews ALTER COLUMN id SET DEFAULT nextval('reviews_id_seq');
