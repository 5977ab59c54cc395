-- project_id added behind assignee_id: a lookup by project alone could skip-scan it once per assignee, but the index is not chosen: 2,000 skips cost more than reading the table, so the cascade still reads every task.
-- expect: maxRowsReadPerRequest, noSeqScan
-- message: table rows (at most 5000)
CREATE INDEX tasks_assignee_project_idx ON tasks (assignee_id, project_id);
