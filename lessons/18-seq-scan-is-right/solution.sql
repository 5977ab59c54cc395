-- The product report reads four in five rows of the table: a Seq Scan is its best plan, and the
-- planner uses none of the ten indexes added for it. Every upload still paid to update them all.
-- Keep the primary key and the index the receipt lookup uses; drop the rest.
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
