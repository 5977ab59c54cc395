-- Drops every index but the primary key, the receipt lookup's too: opening one receipt now reads the whole table.
-- expect: maxRowsReadPerRequest
DROP INDEX sale_lines_receipt_idx;
DROP INDEX sale_lines_sku_idx;
DROP INDEX sale_lines_sku_sold_at_idx;
DROP INDEX sale_lines_status_idx;
DROP INDEX sale_lines_status_sku_idx;
DROP INDEX sale_lines_status_sold_at_idx;
DROP INDEX sale_lines_sold_at_idx;
DROP INDEX sale_lines_sold_at_sku_idx;
DROP INDEX sale_lines_store_sku_idx;
DROP INDEX sale_lines_amount_idx;
DROP INDEX sale_lines_sku_amount_idx;
