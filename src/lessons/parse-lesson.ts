/** Turns the raw text of a lesson folder into a validated `Lesson`. No file system access here. */
import yaml from 'js-yaml';
import { lessonFrontmatterSchema } from './schema.ts';
import { LessonError, type Lesson, type LessonFiles } from './lesson.ts';

/** Files every lesson folder must have, and the role each one fills. */
export const REQUIRED_FILES = {
  'lesson.md': 'frontmatter and prose',
  'schema.sql': 'tables and starting indexes',
  'seed.sql': 'deterministic data',
  'starter.ts': 'the slow handler the learner edits',
  'solution.ts': 'one good fix',
  'workload.ts': 'the requests of a run',
} as const;

/** Lesson folder names: `NN-words-with-dashes`. */
export const SLUG = /^\d+-[a-z0-9]+(?:-[a-z0-9]+)*$/;

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/**
 * Validates one lesson from its files' text.
 * @param slug folder name, e.g. `01-n-plus-one`
 * @param read returns a file's text, or `undefined` when the folder has no such file
 * @throws LessonError naming the file, and the line and field where they are known
 */
export function parseLesson(slug: string, read: (name: string) => string | undefined): Lesson {
  const at = (name: string) => `${slug}/${name}`;
  if (!SLUG.test(slug)) {
    throw new LessonError('the folder name must be a number, a dash and lower-case words, like 04-batch-inserts (it becomes the URL)', slug);
  }
  for (const name of Object.keys(REQUIRED_FILES) as (keyof typeof REQUIRED_FILES)[]) {
    if (read(name) === undefined) {
      throw new LessonError(`missing file (${REQUIRED_FILES[name]})`, at(name));
    }
  }
  const markdown = read('lesson.md')!;
  const match = FRONTMATTER.exec(markdown);
  if (!match) throw new LessonError('no frontmatter: the file must start with a line "---"', at('lesson.md'), 1);

  let data: unknown;
  try {
    data = yaml.load(match[1]);
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? String(error);
    throw new LessonError(`frontmatter is not valid YAML: ${reason}`, at('lesson.md'), mark ? mark.line + 2 : undefined);
  }
  const parsed = lessonFrontmatterSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // An unknown key is reported on its parent; point at the key itself.
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
    const field = path.join('.') || '(root)';
    throw new LessonError(issue.message, at('lesson.md'), lineOfField(match[1], path), field);
  }

  const files: LessonFiles = {
    schema: read('schema.sql')!,
    seed: read('seed.sql')!,
    starter: read('starter.ts')!,
    solution: read('solution.ts')!,
    workload: read('workload.ts')!,
    migration: read('migration.sql'),
    reference: read('reference.ts'),
    solutionMigration: read('solution.sql'),
  };
  return { slug, frontmatter: parsed.data, body: markdown.slice(match[0].length), files };
}

/**
 * Best-effort 1-based line of a frontmatter field in lesson.md (the frontmatter starts on line 2).
 * Each key of the path is looked for below the previous one, so `checks.speedup.handler` finds the
 * `handler:` under `speedup:`, not one under another check; a key on its parent's line (YAML flow
 * style, `speedup: { target: 3, handler: x }`) gives the parent's line.
 */
function lineOfField(frontmatter: string, path: PropertyKey[]): number | undefined {
  const keys = path.filter((part): part is string => typeof part === 'string');
  if (keys.length === 0) return 2;
  const lines = frontmatter.split(/\r?\n/);
  let found = -1;
  for (const key of keys) {
    // A misspelt key can hold any character; escape it so it is matched as written.
    const pattern = new RegExp(`^\\s*${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`);
    const index = lines.findIndex((line, at) => at > found && pattern.test(line));
    if (index === -1) break;
    found = index;
  }
  return found === -1 ? 2 : found + 2;
}
