-- An index for the node the DELETE's own plan shows (a Seq Scan on the 400 projects): projects.id already has its primary key, and the time is in the cascade on tasks.
-- expect: maxRowsReadPerRequest, noSeqScan
-- message: table rows (at most 5000)
CREATE INDEX projects_id_idx ON projects (id);
