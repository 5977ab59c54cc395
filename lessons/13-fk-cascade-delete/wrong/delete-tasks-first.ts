// Deleting the tasks in the app first only adds a scan: without an index on tasks.project_id this DELETE reads every task, and the cascade's trigger still reads them all again to find nothing.
// expect: maxRowsReadPerRequest, noSeqScan
// message: table rows (at most 5000)
import type { HandlerContext } from 'fastpath';

export interface DeleteProjectInput {
  projectId: number;
}

export interface MyTasksInput {
  userId: number;
}

export interface MyTask {
  id: number;
  title: string;
  status: string;
  project: string;
}

/** "Delete project": the tasks first, then the project, in one transaction. */
export async function deleteProject({ projectId }: DeleteProjectInput, { db }: HandlerContext): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM tasks WHERE project_id = $1', [projectId]);
    await tx.query('DELETE FROM projects WHERE id = $1', [projectId]);
  });
}

/** "My tasks": the unfinished tasks assigned to one person, with their project's name. */
export async function getMyTasks({ userId }: MyTasksInput, { db }: HandlerContext): Promise<MyTask[]> {
  const rows = await db.query(
    `SELECT t.id, t.title, t.status, p.name AS project
       FROM tasks t
       JOIN projects p ON p.id = t.project_id
      WHERE t.assignee_id = $1 AND t.status <> 'done'
      ORDER BY t.id`,
    [userId],
  );
  return rows.map((row) => ({ id: row.id, title: row.title, status: row.status, project: row.project }));
}
