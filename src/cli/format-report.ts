/**
 * Plain-text rendering of a RunReport for the terminal. It never throws: whatever a handler
 * returned or threw, and whatever field is missing, it prints something a learner can read.
 */
import type { RunReport } from '../engine/grade.ts';
import type { RunError } from '../engine/errors.ts';
import { toPlain } from '../engine/plain.ts';
import { formatPlans } from './format-plans.ts';

/** Any value as text for a sentence: strings as they are, anything else as `showValue` does. */
function text(value: unknown, missing = '?'): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return missing;
  return showValue(value);
}

/**
 * An answer or input as one line of JSON: `undefined` is said in words, bigints keep their digits,
 * cycles and unreadable values do not throw.
 */
export function showValue(value: unknown): string {
  if (value === undefined) return 'undefined (nothing returned)';
  try {
    const json = JSON.stringify(toPlain(value));
    if (json !== undefined) return json;
  } catch {
    // A getter that throws: fall through to a plainer form.
  }
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** One error on one line, with its place: `handler.ts:12:5: message`. */
export function formatError(error: RunError): string {
  // A thrown string or number may arrive where a RunError was expected.
  if (typeof error !== 'object' || error === null) return `error: ${text(error)}`;
  const place = error.file ? `${text(error.file)}${error.line ? `:${text(error.line)}${error.column ? `:${text(error.column)}` : ''}` : ''}: ` : '';
  const sql = error.sql
    ? ` [SQLSTATE ${text(error.sql.code)}${error.sql.position ? `, at character ${text(error.sql.position)}` : ''}${error.sql.hint ? `; hint: ${text(error.sql.hint)}` : ''}]`
    : '';
  const step = error.step !== undefined && error.step !== null ? ` (workload step ${text(error.step)})` : '';
  const times = error.count ? ` (${text(error.count)} times)` : '';
  return `${place}${text(error.kind, 'unknown')} error: ${text(error.message, '(no message)')}${sql}${step}${times}`;
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
/** Milliseconds with two decimals, or three below 0.01 ms (a cache hit is not "0.00 ms"). */
const ms = (value: unknown) => (finite(value) ? `${value > 0 && value < 0.01 ? value.toFixed(3) : value.toFixed(2)} ms` : '-');
const count = (value: unknown) => (finite(value) ? String(value) : '-');
const rate = (value: unknown) => (finite(value) ? `${Math.round(value * 100)}%` : '-');

/** The report as a few readable lines: checks, the before/after table, the first mismatch, errors. */
export function formatReport(report: RunReport): string {
  // Optional chaining throughout: a report from an older engine, or cut short, may lack any part.
  const { starter, learner } = report;
  const lines = [`${text(report.lesson?.title, 'Lesson')} (${text(report.lesson?.slug)})`, ''];
  if (finite(report.scale) && report.scale !== 1) {
    lines.splice(1, 0, `At ${report.scale}x the lesson's data: not graded, the goals count at the lesson's own size.`);
  }
  for (const check of Array.isArray(report.checks) ? report.checks : []) {
    lines.push(`  ${check?.passed ? 'PASS' : 'FAIL'}  ${text(check?.label ?? check?.id)}: ${text(check?.message, '')}`);
    if (Array.isArray(check?.spread)) lines.push(`        measured ${check.spread.length} times, starter and yours alternating (the middle one counts): ${check.spread.map((value) => text(value)).join(', ')}`);
  }
  // Eleven characters fit "12345.67 ms": a whole pass's DB time.
  const row = (label: string, a: string, b: string) => lines.push(`  ${label.padEnd(20)}${a.padStart(11)}  ${b.padStart(11)}`);
  lines.push('');
  row('', 'starter', 'yours');
  row('queries / request', count(starter?.queries?.maxPerRequest), count(learner?.queries?.maxPerRequest));
  row('median request', ms(starter?.latency?.p50), ms(learner?.latency?.p50));
  row('p95 request', ms(starter?.latency?.p95), ms(learner?.latency?.p95));
  row('app CPU (measured)', ms(starter?.cpuMs), ms(learner?.cpuMs));
  row('DB time (measured)', ms(starter?.dbMs), ms(learner?.dbMs));
  row('table rows read', count(starter?.rowsRead), count(learner?.rowsRead));
  const mostRead = (pass: typeof learner) => (Array.isArray(pass?.handlers) && pass.handlers.length ? Math.max(...pass.handlers.map((handler) => handler?.rowsRead?.max ?? 0)) : undefined);
  row('  per request (most)', count(mostRead(starter)), count(mostRead(learner)));
  row('rows returned', count(starter?.rows), count(learner?.rows));
  row('bytes returned', count(starter?.bytes), count(learner?.bytes));
  row('network (simulated)', ms(starter?.networkMs), ms(learner?.networkMs));
  row('pool wait (simulated)', ms(starter?.poolWaitMs), ms(learner?.poolWaitMs));
  row('cache hit rate', rate(starter?.cache?.hitRate), rate(learner?.cache?.hitRate));
  // A workload that mixes handlers: each one's figures, so the writes do not hide the reads.
  const handlers = Array.isArray(learner?.handlers) ? learner.handlers : [];
  if (handlers.length > 1) {
    for (const mine of handlers) {
      const theirs = starter?.handlers?.find((handler) => handler.name === mine.name);
      lines.push(`  ${text(mine.name)}() x${count(mine.requests)}`);
      row('  median', ms(theirs?.latency?.p50), ms(mine.latency?.p50));
      row('  p95', ms(theirs?.latency?.p95), ms(mine.latency?.p95));
      row('  queries / request', count(theirs?.queries?.maxPerRequest), count(mine.queries?.maxPerRequest));
    }
  }
  if (learner?.background?.queries) lines.push(`  background work (timers after their request): ${count(learner.background.queries)} queries`);
  lines.push(...formatPlans(learner?.plans));
  if (report.model) lines.push('', `  ${text(report.model)}`);
  if (report.sameAsStarter) lines.push('  Your code is the starter as it came: its one measurement is shown on both sides.');
  const first = report.mismatches?.first;
  if (first) {
    lines.push('', `  First mismatch, step ${text(first.step)}: ${text(first.handler)}(${truncate(first.input === undefined ? '' : showValue(first.input))})`);
    lines.push(`    ${text(first.difference, 'The answers differ.')}`);
    lines.push(`    expected: ${truncate(showValue(first.expected))}`);
    if (first.error) lines.push(`    threw:    ${truncate(formatError(first.error))}`);
    else lines.push(`    actual:   ${truncate(showValue(first.actual))}`);
  }
  const errors = Array.isArray(report.errors) ? report.errors : [];
  if (errors.length) {
    lines.push('', '  Errors:');
    for (const error of errors.slice(0, 5)) lines.push(`    ${formatError(error)}`);
  }
  lines.push('', report.passed ? 'All checks passed.' : 'Some checks failed.');
  return lines.join('\n');
}

function truncate(line: string, max = 300): string {
  return line.length > max ? `${line.slice(0, max - 3)}...` : line;
}
