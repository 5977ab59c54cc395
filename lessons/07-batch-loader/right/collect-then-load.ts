// No microtask batching: the handler collects every id of the page into a Set, loads them with one = ANY($1) query, and maps each ticket through a Map.

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

/** Two round trips, written out by hand: the page, then everyone on it. */
export async function getQueuePage({ queue, page }: QueueInput, { db }: HandlerContext): Promise<TicketView[]> {
  const tickets = await db.query(
    `SELECT id, subject, status, requester_id, assignee_id, created_at
       FROM tickets
      WHERE queue = $1
      ORDER BY created_at DESC, id DESC
      LIMIT $2 OFFSET $3`,
    [queue, PAGE_SIZE, page * PAGE_SIZE],
  );
  const ids = new Set<number>();
  for (const ticket of tickets) {
    ids.add(ticket.requester_id);
    if (ticket.assignee_id !== null) ids.add(ticket.assignee_id);
  }
  const rows = await db.query('SELECT id, name FROM users WHERE id = ANY($1::int[]) AND deleted_at IS NULL', [[...ids]]);
  const byId = new Map(rows.map((row) => [row.id as number, { id: row.id, name: row.name } as UserView]));
  return tickets.map((ticket) => ({
    id: ticket.id,
    subject: ticket.subject,
    status: ticket.status,
    createdAt: ticket.created_at,
    requester: byId.get(ticket.requester_id) ?? null,
    assignee: ticket.assignee_id === null ? null : (byId.get(ticket.assignee_id) ?? null),
  }));
}
