// One query for the whole page: the page of tickets joined twice to users, with deleted_at IS NULL inside each LEFT JOIN so a closed account gives null.

import type { HandlerContext, Queryable } from 'fastpath';

/** A page of a help-desk queue: `page` 0 holds the newest tickets. */
export interface QueueInput {
  queue: string;
  page: number;
}

/** A person on a ticket; null when the account is closed. */
export interface UserView {
  id: number;
  name: string;
}

export interface TicketView {
  id: number;
  subject: string;
  status: string;
  createdAt: Date;
  requester: UserView | null;
  /** null while no agent has picked the ticket up, or when the agent's account is closed. */
  assignee: UserView | null;
}

const PAGE_SIZE = 50;

/** One round trip: Postgres looks up both people of every ticket itself. */
export async function getQueuePage({ queue, page }: QueueInput, { db }: HandlerContext): Promise<TicketView[]> {
  const rows = await db.query(
    `SELECT t.id, t.subject, t.status, t.created_at,
            r.id AS requester_id, r.name AS requester_name,
            a.id AS assignee_id, a.name AS assignee_name
       FROM (SELECT * FROM tickets WHERE queue = $1 ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3) AS t
       LEFT JOIN users r ON r.id = t.requester_id AND r.deleted_at IS NULL
       LEFT JOIN users a ON a.id = t.assignee_id AND a.deleted_at IS NULL
      ORDER BY t.created_at DESC, t.id DESC`,
    [queue, PAGE_SIZE, page * PAGE_SIZE],
  );
  return rows.map((row) => ({
    id: row.id,
    subject: row.subject,
    status: row.status,
    createdAt: row.created_at,
    requester: row.requester_id === null ? null : { id: row.requester_id, name: row.requester_name },
    assignee: row.assignee_id === null ? null : { id: row.assignee_id, name: row.assignee_name },
  }));
}
