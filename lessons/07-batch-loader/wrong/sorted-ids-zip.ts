// Ids sorted and rows ORDER BY id, then zipped by position: right until a closed account has no row, and every later person shifts by one.
// expect: correct

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

export async function getQueuePage({ queue, page }: QueueInput, { db }: HandlerContext): Promise<TicketView[]> {
  const users = createUserLoader(db);
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
        users.load(ticket.requester_id),
        ticket.assignee_id === null ? null : users.load(ticket.assignee_id),
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

interface Waiting {
  id: number;
  resolve: (user: UserView | null) => void;
  reject: (error: unknown) => void;
}

/** A batching loader: ids asked for in the same tick are loaded together, each id once. */
function createUserLoader(db: Queryable) {
  const promises = new Map<number, Promise<UserView | null>>();
  let batch: Waiting[] = [];

  async function dispatch(): Promise<void> {
    const waiting = batch;
    batch = [];
    try {
      waiting.sort((a, b) => a.id - b.id);
      const rows = await db.query(
        'SELECT id, name FROM users WHERE id = ANY($1::int[]) AND deleted_at IS NULL ORDER BY id',
        [waiting.map((w) => w.id)],
      );
      waiting.forEach((w, i) => {
        const row = rows[i];
        w.resolve(row ? { id: row.id, name: row.name } : null);
      });
    } catch (error) {
      for (const w of waiting) w.reject(error);
    }
  }

  return {
    load(id: number): Promise<UserView | null> {
      let promise = promises.get(id);
      if (!promise) {
        promise = new Promise<UserView | null>((resolve, reject) => {
          if (batch.length === 0) queueMicrotask(() => void dispatch());
          batch.push({ id, resolve, reject });
        });
        promises.set(id, promise);
      }
      return promise;
    },
  };
}
