-- An index on status: a third of all orders are open, so it still reads about 75,000 rows per request.
-- expect: maxRowsReadPerRequest, speedup
-- message: table rows (at most 1000)
CREATE INDEX orders_status_idx ON orders (status);
