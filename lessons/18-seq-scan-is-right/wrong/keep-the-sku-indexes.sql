-- Keeps the indexes whose names mention sku and drops the rest, the receipt lookup's among them: the report uses none of the kept ones, and a receipt lookup reads the whole table.
-- expect: maxRowsReadPerRequest
DROP INDEX sale_lines_receipt_idx;
DROP INDEX sale_lines_status_idx;
DROP INDEX sale_lines_status_sold_at_idx;
DROP INDEX sale_lines_sold_at_idx;
DROP INDEX sale_lines_amount_idx;
