-- A composite B-tree that starts with project_id: its leading column is the one the cascade looks up, so it serves the delete as well as an index on project_id alone.
CREATE INDEX tasks_project_status_idx ON tasks (project_id, status);
