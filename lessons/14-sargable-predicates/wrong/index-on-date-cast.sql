-- An index on created_at::date: the cast of a timestamptz to a date depends on the TimeZone setting, so it is not IMMUTABLE and Postgres refuses to build the index.
CREATE INDEX orders_created_day_idx ON orders ((created_at::date));
