/**
 * Where starting the database is. The live region speaks once per phase (downloading, starting
 * Postgres, "Ready"), not on every downloaded chunk; the bar and the figures beside it, outside
 * the live region, show the bytes.
 */
import type { BootProgress } from '../worker/lesson-api.ts';
import { describeBoot } from '../client/describe-boot.ts';

export function BootStatus({ progress }: { progress: BootProgress | undefined }) {
  return (
    <div className="boot-status">
      <p role="status">{describeBoot(progress)}</p>
      {progress?.phase === 'fetching' && progress.totalBytes ? (
        <span className="muted">
          <progress aria-label="Database download" max={progress.totalBytes} value={progress.loadedBytes} />{' '}
          {(progress.loadedBytes / 1e6).toFixed(1)} of {(progress.totalBytes / 1e6).toFixed(1)} MB
        </span>
      ) : null}
      {progress?.phase === 'scaling' && progress.total > 1 ? (
        <span className="muted">
          <progress aria-label="Seeding" max={progress.total} value={progress.done} /> statement {Math.min(progress.done + 1, progress.total)} of {progress.total} of schema.sql and seed.sql
        </span>
      ) : null}
    </div>
  );
}
