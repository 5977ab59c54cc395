-- An expression index: it stores lower(email) for every customer, so WHERE lower(email) = lower($1)
-- jumps to the one entry. UNIQUE also makes the database refuse a second account whose address
-- differs only in capitals, which the old constraint on email allowed.
CREATE UNIQUE INDEX customers_email_lower_key ON customers (lower(email));
