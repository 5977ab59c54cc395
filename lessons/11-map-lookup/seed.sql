-- Deterministic data: setseed fixes random(), timestamps and dates count from fixed literals.
SELECT setseed(0.23);

ALTER TABLE statement_lines DROP CONSTRAINT statement_lines_statement_id_fkey;

-- The EUR ledger: INV-25-00001 to INV-25-01000, one every eight hours through 2025. About half are
-- still open (unpaid); the rest were paid, a few voided.
INSERT INTO invoices (id, number, customer_id, currency, amount_cents, issued_at, status)
SELECT g,
       'INV-25-' || lpad(g::text, 5, '0'),
       1 + floor(random() * 400)::int,
       'EUR',
       2000 + floor(random() * 400000)::int,
       timestamptz '2025-01-02 08:00+00' + g * interval '8 hours',
       CASE WHEN random() < 0.5 THEN 'open' WHEN random() < 0.95 THEN 'paid' ELSE 'void' END
FROM generate_series(1, 1000) AS g;

-- The USD ledger numbers its invoices the same way: INV-25-00001 to INV-25-00360 exist twice.
INSERT INTO invoices (id, number, customer_id, currency, amount_cents, issued_at, status)
SELECT 1000 + g,
       'INV-25-' || lpad(g::text, 5, '0'),
       401 + floor(random() * 100)::int,
       'USD',
       2000 + floor(random() * 400000)::int,
       timestamptz '2025-01-02 09:00+00' + g * interval '23 hours',
       CASE WHEN random() < 0.5 THEN 'open' WHEN random() < 0.95 THEN 'paid' ELSE 'void' END
FROM generate_series(1, 360) AS g;

-- Last year's invoices, imported from the old system, which wrote their numbers in lower case
-- (inv-24-00018). A few are still open.
INSERT INTO invoices (id, number, customer_id, currency, amount_cents, issued_at, status)
SELECT 1360 + g,
       'inv-24-' || lpad((3 * g)::text, 5, '0'),
       1 + floor(random() * 400)::int,
       'EUR',
       2000 + floor(random() * 400000)::int,
       timestamptz '2024-06-01 08:00+00' + g * interval '13 hours',
       CASE WHEN random() < 0.3 THEN 'open' ELSE 'paid' END
FROM generate_series(1, 200) AS g;

-- Corrected invoices re-issued under the same number a few days later, while the first one is
-- still open: a payment goes to the one issued first.
INSERT INTO invoices (id, number, customer_id, currency, amount_cents, issued_at, status)
SELECT 1560 + row_number() OVER (ORDER BY id),
       number, customer_id, currency,
       amount_cents + 500 + floor(random() * 5000)::int,
       issued_at + interval '3 days',
       'open'
FROM invoices
WHERE status = 'open' AND id % 19 = 5;

-- Eight monthly statements of the business account.
INSERT INTO bank_statements (id, account, closing_date)
SELECT g, 'DE89 3704 0044 0532 0130 00', date '2025-01-31' + (g - 1) * interval '1 month'
FROM generate_series(1, 8) AS g;

-- What a payment can point at: an open invoice, a re-issued one, one already paid or voided.
CREATE TEMP TABLE picks AS
SELECT kind, row_number() OVER (PARTITION BY kind ORDER BY issued_at, id) AS n, number, currency, amount_cents
FROM (SELECT *, CASE WHEN status <> 'open' THEN 'closed' WHEN id > 1560 THEN 'reissued' ELSE 'open' END AS kind
        FROM invoices) AS i;
CREATE TEMP TABLE pick_counts AS SELECT kind, count(*) AS total FROM picks GROUP BY kind;

-- 500 to 1,000 payments per statement, each with four dice: what it pays, which invoice (most
-- pay one of the latest, near the end of the list in issue order), how the payer typed the
-- reference, and how much they paid.
CREATE TEMP TABLE dice AS
SELECT row_number() OVER (ORDER BY st.s, g)::int AS id, st.s AS statement_id, g,
       random() AS what, random() AS which, random() AS typing, random() AS paid
FROM (VALUES (1, 600), (2, 800), (3, 1000), (4, 500), (5, 900), (6, 700), (7, 950), (8, 750)) AS st (s, lines),
     generate_series(1, st.lines) AS g;

CREATE TEMP TABLE payments AS
SELECT d.*, k.kind, t.number, t.currency, t.amount_cents
FROM dice d
CROSS JOIN LATERAL (
  SELECT CASE WHEN d.what < 0.68 THEN 'open'           -- pays an open invoice
              WHEN d.what < 0.76 THEN 'reissued'       -- pays a number two open invoices share
              WHEN d.what < 0.82 THEN 'closed'         -- pays an invoice already paid or voided
              WHEN d.what < 0.87 THEN 'other currency' -- an open invoice's number, in the other currency
              WHEN d.what < 0.92 THEN 'not yet booked' -- an invoice the clerks have not entered yet
              ELSE 'no invoice'                        -- card payouts, refunds, interest...
         END AS kind) AS k
LEFT JOIN pick_counts c ON c.kind = CASE k.kind WHEN 'other currency' THEN 'open' ELSE k.kind END
LEFT JOIN picks t ON t.kind = c.kind AND t.n = 1 + floor(power(d.which, 0.4) * c.total)::int;

-- INV-25-01001 to INV-25-01040: the workload books them later, with amounts by the same formula.
UPDATE payments
   SET number = 'INV-25-' || lpad((1001 + floor(which * 40))::int::text, 5, '0'),
       currency = 'EUR',
       amount_cents = 5000 + 137 * floor(which * 40)::int
 WHERE kind = 'not yet booked';
UPDATE payments SET currency = 'EUR', amount_cents = 1000 + floor(which * 100000)::int WHERE kind = 'no invoice';

INSERT INTO statement_lines (id, statement_id, booked_on, reference, currency, amount_cents)
SELECT p.id,
       p.statement_id,
       date '2025-01-01' + (p.statement_id - 1) * 30 + (p.g % 28),
       CASE WHEN p.kind = 'no invoice'
              THEN (ARRAY['CARD PAYOUT ', 'Refund order ', 'Interest', 'Transfer from savings', 'Deposit ', 'Thank you!'])[1 + p.g % 6]
                   || CASE WHEN p.g % 3 = 0 THEN (p.g * 7)::text ELSE '' END
            WHEN p.typing < 0.45 THEN upper(p.number)                    -- INV-25-00123
            WHEN p.typing < 0.60 THEN lower(p.number)                    -- inv-25-00123
            WHEN p.typing < 0.72 THEN ' ' || upper(p.number) || '  '     -- padded with spaces
            WHEN p.typing < 0.84 THEN replace(upper(p.number), '-', ' ') -- INV 25 00123
            WHEN p.typing < 0.92 THEN replace(lower(p.number), '-', '/') -- inv/25/00123
            ELSE replace(upper(p.number), '-', '')                       -- INV2500123
       END,
       CASE WHEN p.kind = 'other currency' THEN CASE p.currency WHEN 'EUR' THEN 'USD' ELSE 'EUR' END
            ELSE p.currency END,
       CASE WHEN p.paid < 0.85 THEN p.amount_cents                                  -- in full
            WHEN p.paid < 0.97 THEN (p.amount_cents * (0.2 + 0.6 * p.typing))::int  -- a part of it
            ELSE p.amount_cents + 100 * (1 + p.g % 50)                               -- a little too much
       END
FROM payments p;

ALTER TABLE statement_lines ADD CONSTRAINT statement_lines_statement_id_fkey FOREIGN KEY (statement_id) REFERENCES bank_statements (id);

DROP TABLE picks, pick_counts, dice, payments;
