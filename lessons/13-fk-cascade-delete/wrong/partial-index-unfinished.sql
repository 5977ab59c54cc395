-- A partial index on the unfinished tasks only, like the one on assignee_id: the cascade deletes every task of the project, done ones too, so its WHERE does not imply the index's and Postgres cannot use it.
-- expect: maxRowsReadPerRequest, noSeqScan
-- message: table rows (at most 5000)
CREATE INDEX tasks_open_by_project_idx ON tasks (project_id) WHERE status <> 'done';
