/** Turns the raw text of a lesson folder into a validated `Lesson`. No file system access here. */
import { loadYaml } from './load-yaml.ts';
import { lessonFrontmatterSchema, lessonSchemaFor } from './schema.ts';
import { checkListedTopic, type TrackList } from './tracks.ts';
import { LessonError, type Lesson, type LessonFiles } from './lesson.ts';
import { lineOfPath } from './yaml-line.ts';
import { explainIssue } from './schema-issue.ts';

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

/** The YAML between a first line `---` and the next line `---` (nothing between them is allowed). */
const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)??---[ \t]*(?:\r?\n|$)/;

/**
 * Validates one lesson from its files' text.
 * @param slug folder name, e.g. `01-n-plus-one`
 * @param read returns a file's text, or `undefined` when the folder has no such file
 * @param tracks the tracks of the lessons folder, which `topic` must name (and the track whose
 *   `lessons:` list names the lesson, if one does); left out (tests of other parts), any topic is accepted
 * @throws LessonError naming the file, and the line and field where they are known
 */
export function parseLesson(slug: string, read: (name: string) => string | undefined, tracks?: TrackList): Lesson {
  const at = (name: string) => `${slug}/${name}`;
  if (!SLUG.test(slug)) {
    throw new LessonError('the folder name must be a number, a dash and lower-case words, like 04-batch-inserts (it becomes the URL)', slug);
  }
  for (const name of Object.keys(REQUIRED_FILES) as (keyof typeof REQUIRED_FILES)[]) {
    if (read(name) === undefined) {
      throw new LessonError(`missing file (${REQUIRED_FILES[name]}): every lesson folder needs one; see docs/authoring.md, "The folder"`, at(name));
    }
  }
  const markdown = read('lesson.md')!;
  const match = FRONTMATTER.exec(markdown);
  if (!match) {
    const reason = /^\uFEFF?---[ \t]*\r?\n/.test(markdown)
      ? 'the frontmatter is not closed: add a line "---" after its last field, before the prose'
      : 'no frontmatter: the file must start with a line "---", then the fields (title: ...), then a line "---"';
    throw new LessonError(reason, at('lesson.md'), 1);
  }
  const text = match[1] ?? '';

  // The frontmatter starts on line 2 of lesson.md.
  const data = loadYaml(text, at('lesson.md'), {
    subject: 'frontmatter',
    firstLine: 2,
    hint: 'check the indentation, and quote a value that holds ": " or starts with [ { * & ! | > % @ or a backquote',
  });
  const schema = tracks ? lessonSchemaFor(tracks) : lessonFrontmatterSchema;
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const { path, reason } = explainIssue(parsed.error.issues[0]!, schema, data);
    const whole = path.length === 0 ? `${reason}; the frontmatter must be "field: value" lines (title, summary, topic, ...)` : reason;
    // A field not found at all is blamed on the frontmatter's first line, line 2 of lesson.md.
    throw new LessonError(whole, at('lesson.md'), (lineOfPath(text, path) ?? 1) + 1, path.join('.') || '(root)');
  }

  // A track's `lessons:` list may name it only under the track its topic names.
  if (tracks) checkListedTopic(tracks, slug, parsed.data.topic);

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
