-- Turning sequential scans off does not give Postgres an index to use instead, and planner settings are not allowed here.
-- message: Planner settings cannot be changed here
SET enable_seqscan = off;
