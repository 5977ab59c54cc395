-- An expression index on the UTC calendar day, (created_at AT TIME ZONE 'UTC')::date, which is IMMUTABLE, and the query written with that same expression; with TimeZone = UTC it picks the same orders.
CREATE UNIQUE INDEX customers_email_lower_key ON customers (lower(email));
CREATE INDEX orders_created_day_utc_idx ON orders (((created_at AT TIME ZONE 'UTC')::date));
