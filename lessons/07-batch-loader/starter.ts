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

/**
 * The queue page of the agents' app, written like a GraphQL server: the page resolves its tickets,
 * and each ticket resolves its own requester and assignee, all at once under Promise.all.
 */
export async function getQueuePage({ queue, page }: QueueInput, { db }: HandlerContext): Promise<TicketView[]> {
  const tickets = await db.query(
    `SELECT id, subject, status, requester_id, assignee_id, created_at
       FROM tickets
      WHERE queue = $1
      ORDER BY created_at DESC, id DESC
      LIMIT $2 OFFSET $3`,
    [queue, PAGE_SIZE, page * PAGE_SIZE],
  );
  return Promise.all(
    tickets.map(async (ticket) => {
      const [requester, assignee] = await Promise.all([
        userById(ticket.requester_id, db),
        ticket.assignee_id === null ? null : userById(ticket.assignee_id, db),
      ]);
      return {
        id: ticket.id,
        subject: ticket.subject,
        status: ticket.status,
        createdAt: ticket.created_at,
        requester,
        assignee,
      };
    }),
  );
}

/** The user resolver: one user by id, or null if the account is closed. */
async function userById(id: number, db: Queryable): Promise<UserView | null> {
  const [user] = await db.query('SELECT id, name FROM users WHERE id = $1 AND deleted_at IS NULL', [id]);
  return user ? { id: user.id, name: user.name } : null;
}
