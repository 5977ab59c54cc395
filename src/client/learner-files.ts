/**
 * The learner's files of a lesson, as part of the playground's state: edits saved as they happen,
 * replacements (reset, the solution, a shared link's code) that Undo can take back while untouched,
 * code offered from a link until the learner chooses, and the note that the lesson's starter changed
 * since their attempt began. The store owns the state; this reads and changes its file fields.
 */
import type { Lesson } from '../lessons/lesson.ts';
import { hasSavedAttempt, readDocuments, recordStarter, saveDocument, savedStarter, type Documents } from './saved-documents.ts';
import type { LessonFile } from './storage-keys.ts';

/** The playground state's file fields (see `PlaygroundState`). */
export interface FilesState {
  /** The learner's files as they are now. */
  documents: Documents;
  /** The files a reset or "use solution" replaced, kept for Undo while the new text is untouched. */
  replaced?: { documents: Documents; by: Documents };
  /** Files offered from a share link, shown beside the learner's until they take or decline them. */
  offer?: Documents;
  /** The starter the saved attempt began from, when the lesson's starter has changed since. */
  starterChanged?: { was: string };
}

/** The file half of a `PlaygroundStore`. */
export class LearnerFiles {
  private readonly lesson: Lesson;
  private readonly read: () => FilesState;
  private readonly write: (change: Partial<FilesState>) => void;
  /** True once this attempt's starter is on record: saves then skip reading storage per keystroke. */
  private starterRecorded = false;

  constructor(lesson: Lesson, read: () => FilesState, write: (change: Partial<FilesState>) => void) {
    this.lesson = lesson;
    this.read = read;
    this.write = write;
  }

  /** The files as saved in this browser (else the starter's), and whether the starter changed since. */
  static initialState(lesson: Lesson): FilesState {
    const starter = { 'handler.ts': lesson.files.starter, 'migration.sql': lesson.files.migration ?? '' };
    const was = savedStarter(lesson.slug);
    const changed = hasSavedAttempt(lesson.slug) && was !== null && was !== lesson.files.starter;
    return { documents: readDocuments(lesson.slug, starter), ...(changed ? { starterChanged: { was } } : {}) };
  }

  /** True while the last replacement can be undone: undoing after edits would throw them away. */
  get canUndo(): boolean {
    const { replaced, documents } = this.read();
    return replaced !== undefined && sameDocuments(replaced.by, documents);
  }

  /** The files the lesson starts from. */
  starterDocuments(): Documents {
    return { 'handler.ts': this.lesson.files.starter, 'migration.sql': this.lesson.files.migration ?? '' };
  }

  /** Edits one file; it is saved at once. */
  edit(file: LessonFile, text: string): void {
    // The editor echoes text put into it (from another tab, a reset): saving that again could land
    // after a newer keystroke in the other tab and undo it there.
    if (text === this.read().documents[file]) return;
    this.save(file, text);
    this.write({ documents: { ...this.read().documents, [file]: text } });
  }

  /** Replaces the learner's files (reset, the solution, a shared link), keeping the old ones for Undo. */
  replace(next: Documents): void {
    const { documents } = this.read();
    for (const file of Object.keys(next) as LessonFile[]) this.save(file, next[file]);
    this.write({ documents: next, replaced: { documents, by: next } });
  }

  /** Back to the starter's files: the attempt now begins from today's starter. */
  reset(): void {
    this.replace(this.starterDocuments());
    this.acknowledgeStarterChange();
  }

  /** The learner has seen that the starter changed: their attempt counts as begun from today's. */
  acknowledgeStarterChange(): void {
    recordStarter(this.lesson.slug, this.lesson.files.starter);
    this.write({ starterChanged: undefined });
  }

  /** The reference solution's files (the migration stays when the lesson has no solution migration). */
  useSolution(): void {
    const { files } = this.lesson;
    this.replace({ 'handler.ts': files.solution, 'migration.sql': files.solutionMigration ?? this.read().documents['migration.sql'] });
  }

  /** Puts back what the last replacement replaced, if nothing was edited since. */
  undo(): void {
    const { replaced } = this.read();
    if (!replaced || !this.canUndo) return;
    for (const file of Object.keys(replaced.documents) as LessonFile[]) this.save(file, replaced.documents[file]);
    this.write({ documents: replaced.documents, replaced: undefined });
  }

  /**
   * Offers files from outside (a share link) beside the learner's own: nothing is replaced, and
   * nothing runs, until the learner takes them. Files the offer lacks stay as they are.
   */
  offerDocuments(files: Partial<Documents>): void {
    const offer = { ...this.read().documents, ...files };
    // The same code as the learner's: there is nothing to choose.
    this.write({ offer: sameDocuments(offer, this.read().documents) ? undefined : offer });
  }

  /** Takes the offered files (undoable, like a reset). */
  takeOffer(): void {
    const { offer } = this.read();
    if (!offer) return;
    this.replace(offer);
    this.write({ offer: undefined });
  }

  /** Keeps the learner's files and forgets the offer. */
  declineOffer(): void {
    this.write({ offer: undefined });
  }

  /** Saves a file; the first save of an attempt also records the starter it began from. */
  private save(file: LessonFile, text: string): void {
    if (!this.starterRecorded && savedStarter(this.lesson.slug) === null) recordStarter(this.lesson.slug, this.lesson.files.starter);
    this.starterRecorded = true;
    saveDocument(this.lesson.slug, file, text);
  }
}

function sameDocuments(a: Documents, b: Documents): boolean {
  return a['handler.ts'] === b['handler.ts'] && a['migration.sql'] === b['migration.sql'];
}
