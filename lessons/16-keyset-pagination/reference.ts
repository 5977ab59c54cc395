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

/**
 * The oracle: "Load more" continues right after the last event the admin saw (keyset pagination),
 * so events logged meanwhile, which land at the top, do not push rows already shown onto the next page.
 */
export async function getAuditPage({ after }: AuditPageInput, { db }: HandlerContext): Promise<AuditEvent[]> {
  const rows = await db.query(
    `SELECT id, actor_id, action, document_id, created_at
       FROM audit_events
      WHERE $1::timestamptz IS NULL OR (created_at, id) < ($1::timestamptz, $2::int)
      ORDER BY created_at DESC, id DESC
      LIMIT $3`,
    [after?.createdAt ?? null, after?.id ?? null, PAGE_SIZE],
  );
  return rows.map((row) => ({
    id: row.id,
    actorId: row.actor_id,
    action: row.action,
    documentId: row.document_id,
    createdAt: row.created_at,
  }));
}
