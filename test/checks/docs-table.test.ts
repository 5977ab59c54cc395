import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checksTable, frontmatterRows } from '../../src/engine/verdict/checks/docs-table.ts';
import { CHECK_KINDS } from '../../src/engine/verdict/checks/index.ts';

const doc = readFileSync(new URL('../../docs/authoring.md', import.meta.url), 'utf8');

describe('docs/authoring.md lists the checks the registry has', () => {
  it('has the frontmatter rows printed by scripts/checks-table.ts', () => {
    expect(doc).toContain(frontmatterRows());
  });

  it('has the "Checks" table printed by scripts/checks-table.ts', () => {
    expect(doc).toContain(checksTable());
  });

  it('has no row for a check the registry does not have', () => {
    expect(doc.split('\n').filter((line) => line.startsWith('| `checks.')).length).toBe(CHECK_KINDS.length);
  });

  it('gives each constraint in words, e.g. a scopable speedup', () => {
    expect(frontmatterRows()).toContain('| `checks.speedup` | no | Number > 1, or `{ target, handler }`. ');
    expect(frontmatterRows()).toContain('| `checks.minCacheHitRate` | no | Number > 0 and <= 1. ');
  });
});
