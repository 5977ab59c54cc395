/** Plain-text rendering of a RunReport for the terminal. */
import type { RunReport } from '../engine/grade.ts';
import type { RunError } from '../engine/errors.ts';

/** One error on one line, with its place: `handler.ts:12:5: message`. */
export function formatError(error: RunError): string {
  const place = error.file ? `${error.file}${error.line ? `:${error.line}${error.column ? `:${error.column}` : ''}` : ''}: ` : '';
  const sql = error.sql ? ` [SQLSTATE ${error.sql.code ?? '?'}${error.sql.position ? `, at character ${error.sql.position}` : ''}${error.sql.hint ? `; hint: ${error.sql.hint}` : ''}]` : '';
  const step = error.step !== undefined ? ` (workload step ${error.step})` : '';
  const times = error.count ? ` (${error.count} times)` : '';
  return `${place}${error.kind} error: ${error.message}${sql}${step}${times}`;
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

/** The report as a few readable lines: checks, the before/after table, the first mismatch, errors. */
export function formatReport(report: RunReport): string {
  const { starter, learner } = report;
  const lines = [`${report.lesson.title} (${report.lesson.slug})`, ''];
  for (const check of report.checks) {
    lines.push(`  ${check.passed ? 'PASS' : 'FAIL'}  ${check.label}: ${check.message}`);
  }
  lines.push('', `                      starter      yours`);
  const row = (label: string, a: string, b: string) => lines.push(`  ${label.padEnd(20)}${a.padStart(9)}  ${b.padStart(9)}`);
  row('queries / request', String(starter.queries.maxPerRequest), String(learner.queries.maxPerRequest));
  row('median request', ms(starter.latency.p50), ms(learner.latency.p50));
  row('p95 request', ms(starter.latency.p95), ms(learner.latency.p95));
  row('DB time (measured)', ms(starter.dbMs), ms(learner.dbMs));
  row('network (simulated)', ms(starter.networkMs), ms(learner.networkMs));
  const rate = (value: number | null) => (value === null ? '-' : `${Math.round(value * 100)}%`);
  row('cache hit rate', rate(starter.cache.hitRate), rate(learner.cache.hitRate));
  lines.push('', `  ${report.model}`);
  const first = report.mismatches.first;
  if (first) {
    lines.push('', `  First mismatch, step ${first.step}: ${first.handler}(${JSON.stringify(first.input)})`, `    ${first.difference}`);
    lines.push(`    expected: ${truncate(JSON.stringify(first.expected))}`);
    if (!first.error) lines.push(`    actual:   ${truncate(JSON.stringify(first.actual) ?? 'undefined')}`);
  }
  if (report.errors.length) {
    lines.push('', '  Errors:');
    for (const error of report.errors.slice(0, 5)) lines.push(`    ${formatError(error)}`);
  }
  lines.push('', report.passed ? 'All checks passed.' : 'Some checks failed.');
  return lines.join('\n');
}

function truncate(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
