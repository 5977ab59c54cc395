-- The half-open range built in JavaScript as two UTC instants, with a plain (not unique) expression index on lower(email).
CREATE INDEX customers_email_lower_idx ON customers (lower(email));
