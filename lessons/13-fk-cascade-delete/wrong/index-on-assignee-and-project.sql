-- project_id added behind assignee_id: a lookup by project alone cannot use an index that is sorted by assignee first (2,000 of them), so the cascade still reads every task.
-- expect: maxRowsReadPerRequest, noSeqScan
-- message: table rows (at most 5000)
CREATE INDEX tasks_assignee_project_idx ON tasks (assignee_id, project_id);
