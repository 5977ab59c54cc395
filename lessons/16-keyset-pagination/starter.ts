import type { HandlerContext } from 'fastpath';

export interface AuditPageInput {
  /** How many events the admin already sees: 0 on the first page, then 50, 100, ... */
  offset: number;
  /** The last (oldest) event of the page before, as this handler returned it; null on the first page. */
  after: { createdAt: string; id: number } | null;
}

export interface AuditEvent {
  id: number;
  actorId: number;
  action: string;
  documentId: number;
  createdAt: Date;
}

const PAGE_SIZE = 50;

/** The audit log in the admin console, newest first: the first page, then one more per "Load more". */
export async function getAuditPage({ offset }: AuditPageInput, { db }: HandlerContext): Promise<AuditEvent[]> {
  const rows = await db.query(
    `SELECT id, actor_id, action, document_id, created_at
       FROM audit_events
      ORDER BY created_at DESC, id DESC
      LIMIT $1 OFFSET $2`,
    [PAGE_SIZE, offset],
  );
  return rows.map((row) => ({
    id: row.id,
    actorId: row.actor_id,
    action: row.action,
    documentId: row.document_id,
    createdAt: row.created_at,
  }));
}
