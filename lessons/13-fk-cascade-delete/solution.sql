-- An index on the foreign key column: the cascade's DELETE FROM tasks WHERE project_id = $1 now
-- jumps to the project's ~500 tasks instead of reading all 200,000.
CREATE INDEX tasks_project_id_idx ON tasks (project_id);
