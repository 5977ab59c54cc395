/**
 * Prints the checks' rows of docs/authoring.md, generated from the registry in src/engine/verdict/checks/:
 * first the `checks.*` rows of the "Frontmatter" table, then the "Checks" table. Paste them over the
 * old ones after adding or changing a check kind; test/checks/docs-table.test.ts fails until then.
 * Run: node scripts/checks-table.ts
 */
import { checksTable, frontmatterRows } from '../src/engine/verdict/checks/docs-table.ts';

console.log(`Frontmatter rows (## Frontmatter):\n\n${frontmatterRows()}\n\nChecks table (## Checks):\n\n${checksTable()}`);
