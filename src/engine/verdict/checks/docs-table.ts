/**
 * The two places docs/authoring.md lists the checks, as Markdown generated from the registry: the
 * `checks.*` rows of the frontmatter table and the "Checks" table. `scripts/checks-table.ts` prints
 * them and a test keeps the doc equal to them, so a new kind cannot go undocumented. Kept out of the
 * registry's imports: the browser never needs it.
 */
import { z } from 'zod';
import { checkKinds, type CheckKind } from './index.ts';

/** A JSON Schema node, as far as the check schemas use it. */
interface JsonSchema {
  type?: string;
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  minLength?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
}

/** The frontmatter table's `checks.*` rows, one line each. */
export function frontmatterRows(): string {
  return checkKinds.map((kind) => `| \`checks.${kind.id}\` | ${kind.required ? 'yes' : 'no'} | ${meaning(kind)} |`).join('\n');
}

/** The "Checks" table, header included. */
export function checksTable(): string {
  const rows = checkKinds.map(({ docs }) => `| \`${docs.syntax}\` | ${docs.passesWhen} | ${docs.computed} |`);
  return ['| check | passes when | how it is computed |', '| --- | --- | --- |', ...rows].join('\n');
}

/** "Number > 1, or `{ target, handler }`. Median simulated request latency of ...". */
function meaning(kind: CheckKind): string {
  const constraint = valueText(z.toJSONSchema(kind.schema) as JsonSchema);
  return kind.schema.description ? `${constraint}. ${kind.schema.description}` : `${constraint}.`;
}

/** The constraints of a value, in words, from its JSON Schema: what the author may write. */
function valueText(schema: JsonSchema): string {
  if (schema.anyOf) return schema.anyOf.map(valueText).join(', or ');
  if (schema.const !== undefined) return `Must be \`${JSON.stringify(schema.const)}\``;
  if (schema.type === 'number' || schema.type === 'integer') {
    return [schema.type === 'integer' ? 'Integer' : 'Number', bounds(schema)].filter(Boolean).join(' ');
  }
  if (schema.type === 'array') {
    const items = schema.items?.type === 'string' && schema.items.minLength ? 'non-empty string' : (schema.items?.type ?? 'value');
    const count = schema.minItems ?? 0;
    return `List of at least ${count} ${items}${count === 1 ? '' : 's'}`;
  }
  if (schema.type === 'object') return `\`{ ${Object.keys(schema.properties ?? {}).join(', ')} }\``;
  return schema.type ?? 'Any value';
}

/** "> 0 and <= 1"; zod's implicit safe-integer limits are left out. */
function bounds(schema: JsonSchema): string {
  const parts: string[] = [];
  if (schema.exclusiveMinimum !== undefined) parts.push(`> ${schema.exclusiveMinimum}`);
  if (schema.minimum !== undefined && schema.minimum > Number.MIN_SAFE_INTEGER) parts.push(`>= ${schema.minimum}`);
  if (schema.exclusiveMaximum !== undefined) parts.push(`< ${schema.exclusiveMaximum}`);
  if (schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER) parts.push(`<= ${schema.maximum}`);
  return parts.join(' and ');
}
