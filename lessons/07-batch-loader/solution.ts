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
 * The same resolvers, but users come from a loader made for this request. Every `load(id)` made
 * while the tickets resolve lands in one batch, and the batch is one query.
 */
export async function getQueuePage({ queue, page }: QueueInput, { db }: HandlerContext): Promise<TicketView[]> {
  const users = createUserLoader(db); // per request: it never outlives the page it serves
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

/**
 * A batching loader, the idea of the DataLoader library in a few lines.
 * - `load(id)` only records the id and returns a promise. The first call of a batch schedules the
 *   dispatch as a microtask, which runs once the code that is resolving right now has made all its
 *   calls: every id asked for in the same tick ends up in the same batch.
 * - Each id is asked for once per loader: a second `load` of the same id gets the same promise.
 * - The batch is one query with `id = ANY($1)`. Postgres returns the rows in no promised order and
 *   leaves out closed accounts, so each id looks its row up in a Map, and one without a row gets null.
 */
function createUserLoader(db: Queryable) {
  const promises = new Map<number, Promise<UserView | null>>();
  let batch: Waiting[] = [];

  async function dispatch(): Promise<void> {
    const waiting = batch;
    batch = [];
    try {
      const rows = await db.query('SELECT id, name FROM users WHERE id = ANY($1::int[]) AND deleted_at IS NULL', [
        waiting.map((w) => w.id),
      ]);
      const byId = new Map(rows.map((row) => [row.id as number, { id: row.id, name: row.name } as UserView]));
      for (const w of waiting) w.resolve(byId.get(w.id) ?? null);
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
