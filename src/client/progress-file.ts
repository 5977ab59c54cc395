/**
 * Progress as a file: solved lessons, the latest attempt per lesson and the hints opened, exported
 * from this browser's storage and imported into another's (browsers evict storage, sites move,
 * facilitators collect files). Importing validates everything, merges without losing anything this
 * browser has, and reports what it did, file by file and lesson by lesson.
 */
import { fileKey, hintsKey, solvedKey, STORAGE_PREFIX, type LessonFile } from './storage-keys.ts';

/** Marks a progress file. */
export const PROGRESS_FORMAT = 'fastpath-progress';
/** The format's version; a newer file is refused with a clear message. */
export const PROGRESS_VERSION = 1;

/** What a progress file holds about one lesson. */
export interface LessonProgress {
  /** When it was first solved (ISO date). */
  solvedAt?: string;
  /** The latest attempt: the learner's files. */
  files?: Partial<Record<LessonFile, string>>;
  /** How many hints were opened. */
  hintsOpened?: number;
}

/** A progress file. */
export interface ProgressFile {
  format: typeof PROGRESS_FORMAT;
  version: number;
  /** When it was made (ISO date). */
  exportedAt: string;
  /** By lesson slug. */
  lessons: Record<string, LessonProgress>;
}

/** Where progress lives: localStorage in the page, a Map in tests. */
export interface KeyValueStore {
  keys(): string[];
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/** localStorage as a `KeyValueStore`. */
export const browserStorage: KeyValueStore = {
  keys: () => Array.from({ length: localStorage.length }, (_, index) => localStorage.key(index)!),
  get: (key) => localStorage.getItem(key),
  set: (key, value) => localStorage.setItem(key, value),
};

const FILES: LessonFile[] = ['handler.ts', 'migration.sql'];
const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** The progress kept in `store`, as a file's content. */
export function exportProgress(store: KeyValueStore, now = new Date()): ProgressFile {
  const lessons: Record<string, LessonProgress> = {};
  const lesson = (slug: string) => (lessons[slug] ??= {});
  for (const key of store.keys()) {
    if (!key.startsWith(STORAGE_PREFIX)) continue;
    const [first, second] = key.slice(STORAGE_PREFIX.length).split(':');
    const value = store.get(key);
    if (value === null || second === undefined) continue;
    if (first === 'solved' && SLUG.test(second)) lesson(second).solvedAt = value;
    else if (SLUG.test(first) && FILES.includes(second as LessonFile)) (lesson(first).files ??= {})[second as LessonFile] = value;
    else if (SLUG.test(first) && second === 'hints' && Number(value) > 0) lesson(first).hintsOpened = Number(value);
  }
  return { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, exportedAt: now.toISOString(), lessons };
}

/** What an import did, for the learner to read. */
export interface ImportReport {
  ok: boolean;
  /** One sentence per thing done or refused, in order. */
  lines: string[];
}

/**
 * Merges a progress file's text into `store`. Lessons not in `knownSlugs` are skipped; an attempt
 * that differs from the one saved here is not imported (this browser's stays); solved dates keep
 * the earliest; hints keep the most opened. An invalid file changes nothing.
 */
export function importProgress(text: string, store: KeyValueStore, knownSlugs: string[]): ImportReport {
  const parsed = parseProgress(text);
  if (typeof parsed === 'string') return { ok: false, lines: [`Nothing was imported: ${parsed}`] };
  const lines: string[] = [];
  const counts = { solved: 0, attempts: 0, hints: 0 };
  for (const [slug, progress] of Object.entries(parsed.lessons)) {
    if (!knownSlugs.includes(slug)) {
      lines.push(`Skipped "${slug}": no lesson of that name on this site.`);
      continue;
    }
    const solvedHere = store.get(solvedKey(slug));
    if (progress.solvedAt && (solvedHere === null || progress.solvedAt < solvedHere)) {
      store.set(solvedKey(slug), progress.solvedAt);
      if (solvedHere === null) counts.solved++;
    }
    const differing = FILES.filter((file) => {
      const here = store.get(fileKey(slug, file));
      return progress.files?.[file] !== undefined && here !== null && here !== progress.files[file];
    });
    if (differing.length) lines.push(`Kept this browser's attempt at "${slug}": its ${differing.join(' and ')} ${differing.length === 1 ? 'differs' : 'differ'} from the file's. Nothing of it was replaced.`);
    else if (progress.files && FILES.some((file) => progress.files?.[file] !== undefined && store.get(fileKey(slug, file)) === null)) {
      for (const file of FILES) if (progress.files[file] !== undefined) store.set(fileKey(slug, file), progress.files[file]);
      counts.attempts++;
    }
    if (progress.hintsOpened && progress.hintsOpened > Number(store.get(hintsKey(slug)) ?? 0)) {
      store.set(hintsKey(slug), String(progress.hintsOpened));
      counts.hints++;
    }
  }
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  lines.unshift(
    `Imported progress exported on ${parsed.exportedAt.slice(0, 10)}: ${plural(counts.solved, 'lesson', 'lessons')} newly solved, ${plural(counts.attempts, 'attempt', 'attempts')} restored, hints for ${plural(counts.hints, 'lesson', 'lessons')}.`,
  );
  return { ok: true, lines };
}

/** The file's content checked field by field, or what is wrong with it (naming the field). */
function parseProgress(text: string): ProgressFile | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'the file is not JSON (is it a Fastpath progress file?).';
  }
  if (!isRecord(data) || data.format !== PROGRESS_FORMAT) return `the file is not a Fastpath progress file (no "format": "${PROGRESS_FORMAT}").`;
  if (typeof data.version !== 'number' || data.version > PROGRESS_VERSION) return `the file was made by a newer version of Fastpath (version ${String(data.version)}).`;
  if (typeof data.exportedAt !== 'string' || Number.isNaN(Date.parse(data.exportedAt))) return '"exportedAt" is not a date.';
  if (!isRecord(data.lessons)) return '"lessons" is missing or not an object.';
  for (const [slug, progress] of Object.entries(data.lessons)) {
    const at = `lessons["${slug}"]`;
    if (!SLUG.test(slug)) return `${at}: not a lesson name.`;
    if (!isRecord(progress)) return `${at} is not an object.`;
    if (progress.solvedAt !== undefined && (typeof progress.solvedAt !== 'string' || Number.isNaN(Date.parse(progress.solvedAt)))) return `${at}.solvedAt is not a date.`;
    if (progress.hintsOpened !== undefined && !(Number.isInteger(progress.hintsOpened) && (progress.hintsOpened as number) >= 0)) return `${at}.hintsOpened is not a whole number.`;
    if (progress.files !== undefined) {
      if (!isRecord(progress.files)) return `${at}.files is not an object.`;
      for (const [file, content] of Object.entries(progress.files)) {
        if (!FILES.includes(file as LessonFile)) return `${at}.files has an unknown file, "${file}".`;
        if (typeof content !== 'string') return `${at}.files["${file}"] is not text.`;
      }
    }
  }
  return data as unknown as ProgressFile;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
