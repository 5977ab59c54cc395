-- A wholesaler's quoting tool. Products are grouped under pricing rules, which the pricing team
-- writes as text in a small rule language (volume tiers, member and tier discounts, the tax of
-- each region...) and edits in an admin screen. Sales reps build quotes of many lines.
CREATE TABLE customers (
  id       integer PRIMARY KEY,
  name     text NOT NULL,
  region   text NOT NULL,        -- a country code, or US-XX for a US state
  member   boolean NOT NULL,     -- in the trade association: an extra discount on some groups
  tier     text NOT NULL CHECK (tier IN ('standard', 'silver', 'gold'))
);

CREATE TABLE pricing_rules (
  id       integer PRIMARY KEY,
  name     text NOT NULL,
  body     text NOT NULL         -- the rule, in the rule language (see the handler)
);

CREATE TABLE products (
  id                integer PRIMARY KEY,
  name              text NOT NULL,
  list_price_cents  integer NOT NULL CHECK (list_price_cents > 0),
  rule_id           integer NOT NULL REFERENCES pricing_rules (id)
);

CREATE TABLE quotes (
  id           integer PRIMARY KEY,
  customer_id  integer NOT NULL REFERENCES customers (id),
  created_at   timestamptz NOT NULL
);

CREATE TABLE quote_lines (
  quote_id     integer NOT NULL REFERENCES quotes (id),
  line_no      integer NOT NULL,
  product_id   integer NOT NULL REFERENCES products (id),
  qty          integer NOT NULL CHECK (qty > 0),
  PRIMARY KEY (quote_id, line_no)
);
