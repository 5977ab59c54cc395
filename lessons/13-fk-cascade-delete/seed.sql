-- Deterministic data: setseed fixes random(), timestamps count from a fixed date.
SELECT setseed(0.13);

-- Bulk load the Postgres way: drop the foreign keys, load, add them back.
ALTER TABLE tasks DROP CONSTRAINT tasks_project_id_fkey;
ALTER TABLE tasks DROP CONSTRAINT tasks_assignee_id_fkey;
DROP INDEX tasks_assignee_idx;

INSERT INTO users (id, name)
SELECT g, 'User ' || g FROM generate_series(1, 2000) AS g;

-- 400 projects.
INSERT INTO projects (id, name, created_at)
SELECT g, 'Project ' || g, timestamptz '2024-01-01 00:00+00' + g * interval '1 day'
FROM generate_series(1, 400) AS g;

-- 200,000 tasks at scale 1 (fastpath.scale multiplies them; projects and users stay).
-- Tasks of all projects are created side by side, so each project has about 500, spread over
-- the whole table. About 10% have no assignee, 60% are done.
INSERT INTO tasks (id, project_id, assignee_id, title, status)
SELECT g,
       1 + floor(random() * 400)::int,
       CASE WHEN random() < 0.1 THEN NULL ELSE 1 + floor(random() * 2000)::int END,
       'Task ' || g,
       CASE WHEN random() < 0.6 THEN 'done' WHEN random() < 0.5 THEN 'todo' WHEN random() < 0.5 THEN 'doing' ELSE 'review' END
FROM generate_series(1, round(200000 * current_setting('fastpath.scale')::numeric)::int) AS g;

ALTER TABLE tasks ADD CONSTRAINT tasks_project_id_fkey FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE;
ALTER TABLE tasks ADD CONSTRAINT tasks_assignee_id_fkey FOREIGN KEY (assignee_id) REFERENCES users (id);
CREATE INDEX tasks_assignee_idx ON tasks (assignee_id) WHERE status <> 'done';
