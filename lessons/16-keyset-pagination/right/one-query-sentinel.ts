// One query for every page: on the first page the cursor is ('infinity', 0), after every event there is.
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
 * One query for every page: the first page compares with a cursor past the newest possible event,
 * so the row comparison stays an index condition even in a plan made before the parameters are known.
 */
export async function getAuditPage({ after }: AuditPageInput, { db }: HandlerContext): Promise<AuditEvent[]> {
  const rows = await db.query(
    `SELECT id, actor_id, action, document_id, created_at
       FROM audit_events
      WHERE (created_at, id) < (coalesce($1::timestamptz, 'infinity'), coalesce($2::int, 0))
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
