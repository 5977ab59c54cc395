-- Accounts receivable of a wholesaler: the invoices it sends, and the bank statements on which
-- its customers' payments arrive. It bills in two currencies, each from its own ledger, and both
-- ledgers number their invoices the same way (INV-25-00001, INV-25-00002...).
CREATE TABLE invoices (
  id            integer PRIMARY KEY,
  number        text NOT NULL,          -- printed on the invoice; not unique across ledgers
  customer_id   integer NOT NULL,
  currency      text NOT NULL CHECK (currency IN ('EUR', 'USD')),
  amount_cents  integer NOT NULL CHECK (amount_cents > 0),
  issued_at     timestamptz NOT NULL,
  status        text NOT NULL CHECK (status IN ('open', 'paid', 'void'))
);

CREATE INDEX invoices_number_idx ON invoices (number);
CREATE INDEX invoices_status_idx ON invoices (status, issued_at, id);

CREATE TABLE bank_statements (
  id            integer PRIMARY KEY,
  account       text NOT NULL,
  closing_date  date NOT NULL
);

-- One line per incoming payment. `reference` is whatever the payer typed in the transfer.
CREATE TABLE statement_lines (
  id            integer PRIMARY KEY,
  statement_id  integer NOT NULL REFERENCES bank_statements (id),
  booked_on     date NOT NULL,
  reference     text NOT NULL,
  currency      text NOT NULL,
  amount_cents  integer NOT NULL
);

CREATE INDEX statement_lines_statement_idx ON statement_lines (statement_id, id);
