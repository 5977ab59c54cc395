// ORDER BY updated_at DESC without the tie-breaker, to match an index without id: tickets closed at the same instant come back in the index's order, not newest id first.
// expect: correct
import type { HandlerContext } from 'fastpath';

export interface TicketListInput {
  orgId: number;
  /** One of 'new', 'open', 'pending', 'on_hold', 'solved', 'closed'. */
  status: string;
}

export interface TicketRow {
  id: number;
  subject: string;
  updatedAt: Date;
}

/**
 * An agent's queue: the first page of an organisation's tickets in one status, most recently
 * updated first (ties broken by the newest id, so the order is always the same).
 */
export async function listTickets({ orgId, status }: TicketListInput, { db }: HandlerContext): Promise<TicketRow[]> {
  const rows = await db.query(
    `SELECT id, subject, updated_at
       FROM tickets
      WHERE org_id = $1 AND status = $2
      ORDER BY updated_at DESC
      LIMIT 25`,
    [orgId, status],
  );
  return rows.map((row) => ({ id: row.id, subject: row.subject, updatedAt: row.updated_at }));
}
