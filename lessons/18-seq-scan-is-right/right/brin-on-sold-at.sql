-- Drops the ten unused B-tree indexes and adds a BRIN index on sold_at: a few pages that summarise block ranges, nearly free to maintain on an append-only table, for date-range queries narrower than the report.
DROP INDEX sale_lines_sku_idx, sale_lines_sku_sold_at_idx, sale_lines_status_idx, sale_lines_status_sku_idx,
  sale_lines_status_sold_at_idx, sale_lines_sold_at_idx, sale_lines_sold_at_sku_idx, sale_lines_store_sku_idx,
  sale_lines_amount_idx, sale_lines_sku_amount_idx;
CREATE INDEX sale_lines_sold_at_brin ON sale_lines USING brin (sold_at);
