-- Bitmap scans turned off instead of a covering index: Postgres would use a plain Index Scan, which still visits the table for every row.
SET enable_bitmapscan = off;
