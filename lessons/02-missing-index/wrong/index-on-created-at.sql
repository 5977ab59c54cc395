-- An index on created_at, the ORDER BY column: it cannot find one customer's orders.
-- expect: maxRowsReadPerRequest, noSeqScan, speedup
-- message: table rows (at most 1000)
CREATE INDEX orders_created_at_idx ON orders (created_at);
