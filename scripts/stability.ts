/**
 * `npm run stability [-- --runs N] [-- <slug> ...]`: grades every lesson's solution and starter N
 * times (10 by default) while two busy loops keep both cores busy, the way a learner's laptop is
 * busy with other things, and reports whether every verdict came out the same each time, with the
 * spread and the margin of each timed check. Writes the "## Stability" section of BENCHMARKS.md and
 * exits 1 when a verdict changed or a solution passed a timed check by less than 2x.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { readLesson } from '../src/lessons/read-lessons.ts';
import { chosenLessons } from '../src/lessons/lessons-dir.ts';
import { LessonSession } from '../src/engine/lesson/lesson-session.ts';
import { grade, type RunReport } from '../src/engine/grade.ts';
import { TIMED_CHECKS, worstMargin } from '../src/engine/verdict/confirm.ts';
import { writeBenchmarks, STABILITY_HEADING } from './benchmarks-file.ts';
import { freshPGlite } from '../src/node/fresh-pglite.ts';

/** A solution should clear each timed goal by this factor, so a slower laptop still passes it. */
const REQUIRED_MARGIN = 2;

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '10' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number >= 1, got "${values.runs}"`);
// The lessons folder FASTPATH_LESSONS names (else lessons/), as for the site.
const { dir: lessonsDir, slugs: all } = chosenLessons();
const slugs = positionals.length ? positionals : all;

/** Two processes that spin until killed: "both cores busy". */
function busyLoops(count: number): ChildProcess[] {
  return Array.from({ length: count }, () => fork('-e', ['for (;;) {}'], { execArgv: [], stdio: 'ignore' }));
}

const verdictOf = (report: RunReport) => report.checks.map((check) => `${check.id}:${check.passed ? 'pass' : 'fail'}`).join(' ');

interface Row {
  lesson: string;
  code: 'solution' | 'starter';
  verdicts: Map<string, number>;
  /** Timed checks: every measured figure, and the target. */
  figures: Map<string, { values: number[]; target: number }>;
  confirmations: number;
}

const busy = busyLoops(2);
const rows: Row[] = [];
const started = performance.now();
try {
  for (const slug of slugs) {
    const lesson = readLesson(lessonsDir, slug);
    const pg = await freshPGlite();
    const session = await LessonSession.open(lesson, pg);
    for (const code of ['solution', 'starter'] as const) {
      const row: Row = { lesson: slug, code, verdicts: new Map(), figures: new Map(), confirmations: 0 };
      const source = code === 'solution' ? lesson.files.solution : lesson.files.starter;
      for (let run = 0; run < runs; run++) {
        const report = await grade(session, { code: source, migration: code === 'solution' ? lesson.files.solutionMigration : lesson.files.migration });
        const verdict = verdictOf(report);
        row.verdicts.set(verdict, (row.verdicts.get(verdict) ?? 0) + 1);
        row.confirmations += report.confirmations;
        for (const check of report.checks) {
          if (!TIMED_CHECKS.has(check.id) || typeof check.measured !== 'number' || typeof check.target !== 'number') continue;
          const figure = row.figures.get(check.id) ?? { values: [], target: check.target };
          figure.values.push(check.measured);
          row.figures.set(check.id, figure);
        }
        process.stdout.write(`\r${slug} ${code}: ${run + 1}/${runs}   `);
      }
      rows.push(row);
      console.log(`\r${slug} ${code}: ${row.verdicts.size === 1 ? 'the same verdict' : `${row.verdicts.size} different verdicts`} in ${runs} runs`);
    }
    await pg.close();
  }
} finally {
  for (const child of busy) child.kill();
}

/** "12.3x (min 10.1, max 14.0)", with the margin over the target for a solution. */
function describeFigures(row: Row): string {
  const parts = [...row.figures].map(([id, { values: measured, target }]) => {
    const sorted = [...measured].sort((a, b) => a - b);
    const margin = worstMargin(measured, target, TIMED_CHECKS.get(id)!);
    return `${id} ${sorted[0]}-${sorted.at(-1)} (target ${target}; worst run ${margin.toFixed(1)}x the target${TIMED_CHECKS.get(id) === 'lower' ? ' in headroom' : ''})`;
  });
  return parts.join('; ') || 'no timed check';
}

const unstable = rows.filter((row) => row.verdicts.size > 1);
const thin = rows.filter((row) =>
  row.code === 'solution' &&
  [...row.figures].some(([id, { values: measured, target }]) => worstMargin(measured, target, TIMED_CHECKS.get(id)!) < REQUIRED_MARGIN),
);
const section = `${STABILITY_HEADING}

Measured by \`npm run stability\` on ${new Date().toISOString().slice(0, 10)} (${cpus().length} cores, Node ${process.version}): each lesson's
solution and starter graded ${runs} times in Node while two busy loops kept both cores busy, ${Math.round((performance.now() - started) / 1000)} s in all.
A verdict is the pass or fail of every check; timed checks near their target are measured again
(starter and learner alternating, median of three).

| lesson | code | same verdict every time | timed checks: measured range | extra pairs measured |
| --- | --- | --- | --- | --- |
${rows.map((row) => `| ${row.lesson} | ${row.code} | ${row.verdicts.size === 1 ? `yes (${[...row.verdicts.keys()][0]!.includes('fail') ? 'fails' : 'passes'})` : `NO: ${[...row.verdicts].map(([verdict, count]) => `${count}x ${verdict}`).join('; ')}`} | ${describeFigures(row)} | ${row.confirmations} |`).join('\n')}

${unstable.length === 0 ? 'Every verdict was the same in every run.' : `UNSTABLE: ${unstable.map((row) => `${row.lesson} ${row.code}`).join(', ')}.`} ${thin.length === 0 ? `Every solution cleared its timed goals by at least ${REQUIRED_MARGIN}x in its worst run.` : `THIN MARGIN (under ${REQUIRED_MARGIN}x in the worst run): ${thin.map((row) => row.lesson).join(', ')}.`}
`;
writeBenchmarks('stability', section);
console.log(`\n${section}`);
process.exitCode = unstable.length === 0 && thin.length === 0 ? 0 : 1;
