-- A hash index on tasks.project_id: the cascade only asks for project_id = $1, an equality a hash index answers as well as a B-tree.
CREATE INDEX tasks_project_id_hash_idx ON tasks USING hash (project_id);
