import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v8CrashOf } from '../src/node/v8-crash.ts';
import { gradeInWorker } from '../src/node/grade-in-worker.ts';
import { tinyLessonFiles } from './helpers/lessons.ts';

const ABORT = `
#
# Fatal error in , line 0
# Check failed: jit_page_->allocations_.erase(addr) == 1.
#
----- Native stack trace -----
Trace/breakpoint trap`;

describe('telling a V8 crash from a failure of the graded code', () => {
  it('names the failed check of a process that died of SIGTRAP', () => {
    expect(v8CrashOf('SIGTRAP', ABORT)).toBe('SIGTRAP, "Check failed: jit_page_->allocations_.erase(addr) == 1."');
  });

  it('counts a segmentation fault without a message', () => {
    expect(v8CrashOf('SIGSEGV', '')).toBe('SIGSEGV');
  });

  it('does not count an exit code, or a kill for a timeout, as a crash', () => {
    expect(v8CrashOf(null, ABORT)).toBeUndefined();
    expect(v8CrashOf('SIGKILL', ABORT)).toBeUndefined();
  });
});

/** The pids of this process's children running the grader, once there is one. */
async function graderPids(): Promise<string[]> {
  for (;;) {
    let pids = '';
    try {
      pids = execFileSync('pgrep', ['-P', String(process.pid), '-f', 'grade-process'], { encoding: 'utf8' });
    } catch {
      // pgrep exits 1 while there is none yet.
    }
    if (pids.trim()) return pids.trim().split('\n');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a grading process that crashes', () => {
  it('is started once more with the same job, and the outcome says so', async () => {
    const lessonsDir = mkdtempSync(join(tmpdir(), 'fastpath-crash-'));
    mkdirSync(join(lessonsDir, '01-tiny'));
    const files = tinyLessonFiles();
    for (const [name, text] of Object.entries(files)) if (text !== undefined) writeFileSync(join(lessonsDir, '01-tiny', name), text);

    const outcome = gradeInWorker({ lessonsDir, slug: '01-tiny', submissions: [{ name: 'solution', code: files['solution.ts']! }] });
    // What V8's abort does to the process, sent from outside while it boots.
    for (const pid of await graderPids()) process.kill(Number(pid), 'SIGSEGV');
    const { results, fatal, regradedAfter } = await outcome;

    expect(regradedAfter).toBe('SIGSEGV');
    expect(fatal).toBeUndefined();
    expect(results.map((result) => [result.name, result.report?.passed])).toEqual([['solution', true]]);
  });
});
