// Every open account loaded into a Map on each request: two queries, but 5,000 rows cross the network for a page that shows about 75 people.
// expect: maxRowsPerRequest

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

/** Fresh on every request, so never stale; but it fetches the whole users table each time. */
export async function getQueuePage({ queue, page }: QueueInput, { db }: HandlerContext): Promise<TicketView[]> {
  const tickets = await db.query(
    `SELECT id, subject, status, requester_id, assignee_id, created_at
       FROM tickets
      WHERE queue = $1
      ORDER BY created_at DESC, id DESC
      LIMIT $2 OFFSET $3`,
    [queue, PAGE_SIZE, page * PAGE_SIZE],
  );
  const all = await db.query('SELECT id, name FROM users WHERE deleted_at IS NULL');
  const byId = new Map(all.map((row) => [row.id as number, { id: row.id, name: row.name } as UserView]));
  return tickets.map((ticket) => ({
    id: ticket.id,
    subject: ticket.subject,
    status: ticket.status,
    createdAt: ticket.created_at,
    requester: byId.get(ticket.requester_id) ?? null,
    assignee: ticket.assignee_id === null ? null : (byId.get(ticket.assignee_id) ?? null),
  }));
}
