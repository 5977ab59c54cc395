-- A project tracker: workspaces hold projects, projects hold tasks, tasks are assigned to people.
-- Deleting a project deletes its tasks with it (ON DELETE CASCADE).
CREATE TABLE users (
  id     integer PRIMARY KEY,
  name   text NOT NULL
);

CREATE TABLE projects (
  id         integer PRIMARY KEY,
  name       text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE tasks (
  id          integer PRIMARY KEY,
  project_id  integer NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  assignee_id integer REFERENCES users (id),
  title       text NOT NULL,
  status      text NOT NULL CHECK (status IN ('todo', 'doing', 'review', 'done'))
);

-- The team indexed what the app reads: "my tasks" looks up a person's unfinished tasks.
-- Nothing indexes tasks.project_id: PostgreSQL indexes the referenced key (projects.id, the
-- primary key) but never creates an index on the referencing column by itself.
CREATE INDEX tasks_assignee_idx ON tasks (assignee_id) WHERE status <> 'done';
