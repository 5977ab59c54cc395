// Keyset pagination without an index: every page still reads and sorts the whole log.
// expect: noSeqScan, maxRowsReadPerRequest
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

const COLUMNS = 'id, actor_id, action, document_id, created_at';

/**
 * The audit log, newest first. "Load more" continues right after the last event the admin saw
 * (keyset pagination): the index on (created_at, id) starts there and reads only the next 50.
 */
export async function getAuditPage({ after }: AuditPageInput, { db }: HandlerContext): Promise<AuditEvent[]> {
  const rows = after
    ? await db.query(
        `SELECT ${COLUMNS}
           FROM audit_events
          WHERE (created_at, id) < ($1::timestamptz, $2::int)
          ORDER BY created_at DESC, id DESC
          LIMIT $3`,
        [after.createdAt, after.id, PAGE_SIZE],
      )
    : await db.query(
        `SELECT ${COLUMNS}
           FROM audit_events
          ORDER BY created_at DESC, id DESC
          LIMIT $1`,
        [PAGE_SIZE],
      );
  return rows.map((row) => ({
    id: row.id,
    actorId: row.actor_id,
    action: row.action,
    documentId: row.document_id,
    createdAt: row.created_at,
  }));
}
