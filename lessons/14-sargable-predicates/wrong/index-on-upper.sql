-- An expression index on upper(email) while the query says lower(email): Postgres uses an expression index only for the same expression, so sign-in still reads every customer.
-- expect: maxRowsReadPerRequest, noSeqScan
CREATE INDEX customers_email_upper_idx ON customers (upper(email));
