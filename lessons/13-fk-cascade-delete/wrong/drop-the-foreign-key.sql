-- Dropping the foreign key makes the delete fast because nothing deletes the tasks any more: they stay behind, pointing at a project that is gone.
-- expect: correct
-- message: differs from the reference's after step
ALTER TABLE tasks DROP CONSTRAINT tasks_project_id_fkey;
