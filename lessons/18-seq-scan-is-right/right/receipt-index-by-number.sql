-- Drops all eleven secondary indexes and rebuilds the receipt lookup's as (receipt_no, store_id): the lookup still goes straight to its rows, and each upload maintains two indexes.
DROP INDEX sale_lines_receipt_idx, sale_lines_sku_idx, sale_lines_sku_sold_at_idx, sale_lines_status_idx,
  sale_lines_status_sku_idx, sale_lines_status_sold_at_idx, sale_lines_sold_at_idx, sale_lines_sold_at_sku_idx,
  sale_lines_store_sku_idx, sale_lines_amount_idx, sale_lines_sku_amount_idx;
CREATE INDEX sale_lines_receipt_no_idx ON sale_lines (receipt_no, store_id);
