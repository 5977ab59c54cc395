/**
 * BENCHMARKS.md has two authors: `npm run bench` writes the page-load budgets (everything before
 * "## Stability") and `npm run stability` the verdict-stability section (from there on). Each
 * replaces its own part and keeps the other's.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const FILE = new URL('../BENCHMARKS.md', import.meta.url);
const STABILITY_HEADING = '## Stability';

/** Replaces `part` of BENCHMARKS.md with `text` (the stability part starts with its heading). */
export function writeBenchmarks(part: 'budgets' | 'stability', text: string): void {
  const current = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '';
  const at = current.indexOf(`\n${STABILITY_HEADING}\n`);
  const budgets = at === -1 ? current : current.slice(0, at + 1);
  const stability = at === -1 ? '' : current.slice(at + 1);
  const next = part === 'budgets' ? [text.trimEnd(), stability.trimEnd()] : [budgets.trimEnd(), text.trimEnd()];
  writeFileSync(FILE, `${next.filter(Boolean).join('\n\n')}\n`);
}

export { STABILITY_HEADING };
