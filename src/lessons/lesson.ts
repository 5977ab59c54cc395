/** The lesson model: what one lesson folder holds once it has been read and validated. */
import type { LessonFrontmatter } from './schema.ts';

/** The files of a lesson folder, by role (see docs/authoring.md, "The folder"). */
export interface LessonFiles {
  /** Tables, constraints and the indexes the story starts with. */
  schema: string;
  /** Deterministic data. */
  seed: string;
  /** The slow handler module the learner edits; correct, and the oracle unless `reference` exists. */
  starter: string;
  /** One good fix; must pass every check. */
  solution: string;
  /** Module whose default export returns the run's steps. */
  workload: string;
  /** SQL the learner may edit (an index lesson); `undefined` when the lesson has none. */
  migration?: string;
  /** The oracle, when the starter is wrong on purpose. */
  reference?: string;
  /** The migration that goes with `solution` (an index lesson's answer). */
  solutionMigration?: string;
}

/** One validated lesson. */
export interface Lesson {
  /** Folder name, e.g. `01-n-plus-one`; also the URL slug. */
  slug: string;
  frontmatter: LessonFrontmatter;
  /** The Markdown prose after the frontmatter. */
  body: string;
  files: LessonFiles;
}

/** A problem with a lesson's files, with the place it was found. */
export class LessonError extends Error {
  /** Path of the file at fault, relative to the lessons folder. */
  readonly file: string;
  /** 1-based line in that file, when known. */
  readonly line?: number;
  /** Dotted frontmatter field, when the fault is in one. */
  readonly field?: string;
  /** The reason alone, without the place. */
  readonly reason: string;

  constructor(reason: string, file: string, line?: number, field?: string) {
    super(`${file}${line ? `:${line}` : ''}: ${field ? `${field}: ` : ''}${reason}`);
    this.name = 'LessonError';
    this.reason = reason;
    this.file = file;
    this.line = line;
    this.field = field;
  }
}

/**
 * A plausible wrong fix kept in a lesson's `wrong/` folder (see docs/authoring.md, "Checklist: a
 * wrong fix must not pass"). `lessons:verify` grades it and requires it to fail.
 */
export interface WrongFix {
  /** How it is listed: `wrong/limit-1.ts`, `wrong/index-on-status.sql`, `wrong/both.{ts,sql}` for a pair. */
  name: string;
  /** What is wrong with it: the text of its first line, without the comment marker. */
  description: string;
  /** The handler code: the `.ts` file's, or the starter's for a migration alone. */
  code: string;
  /** The file the code's errors are reported under: `wrong/limit-1.ts`, or `starter.ts`. */
  codeFile: string;
  /** The `.sql` file's migration; for code alone, `solution.sql`, else `migration.sql`, else none. */
  migration?: string;
  /** Ids of checks the lesson declares that must be among the failed ones (its `expect:` line); may be empty. */
  expect: string[];
  /**
   * Words the first message a learner reads must contain (its `message:` line): pins why the fix is
   * rejected, not only which check rejects it.
   */
  message?: string;
}

/**
 * Another right fix kept in a lesson's `right/` folder (a batched query where the solution joins,
 * say). `lessons:verify` grades it and requires it to pass every check, so the goals do not reward
 * only the author's own fix.
 */
export type RightFix = Omit<WrongFix, 'expect' | 'message'>;
