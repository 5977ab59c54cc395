/** The words for where starting the database is, shared by the status line and Run's "not yet" note. */
import type { BootProgress } from '../worker/lesson-api.ts';

/** The status line's words for a phase; "Ready" once the database is up. */
export function describeBoot(progress: BootProgress | undefined): string {
  if (!progress) return 'Loading';
  if (progress.phase === 'failed') return `The database could not start: ${progress.message}`;
  if (progress.phase === 'fetching') return 'Downloading the database';
  if (progress.phase === 'starting') return 'Starting Postgres';
  if (progress.phase === 'scaling') return progress.scale === 1 ? "Restoring the lesson's own data" : `Seeding ${progress.scale}x the lesson's data`;
  return 'Ready';
}
