/**
 * The state of one lesson's playground, without a UI framework: the database's boot, the learner's
 * files (saved as they change), runs and their reports, the network setting, and what a reset or
 * "use solution" replaced. The lesson page, an embedded exercise, share links and progress export all
 * drive the same store; React components read it with `useStore()` and call its actions.
 */
import type { LessonClient } from './lesson-client.ts';
import type { Lesson } from '../lessons/lesson.ts';
import type { RunReport } from '../engine/grade.ts';
import type { RunError } from '../engine/errors.ts';
import type { BootProgress, RunOptions } from '../worker/lesson-api.ts';
import { DEFAULT_LATENCY, sameLatency, type LatencyModel } from '../engine/sim/scheduler.ts';
import { describeBoot } from './describe-boot.ts';
import { summariseRun, type RunSummary } from './run-summary.ts';
import { followOtherTabs, hasSavedAttempt, readDocuments, recordStarter, saveDocument, savedStarter, type Documents } from './saved-documents.ts';
import type { LessonFile } from './storage-keys.ts';
import { markSolved } from './progress.ts';

/** Everything the playground shows; replaced (never mutated) on each change. */
export interface PlaygroundState {
  /** The database's latest boot report; undefined before the worker first reports. */
  boot?: BootProgress;
  /** True while a run is going. */
  running: boolean;
  /** What the last run came to, or why Run did nothing: for a live region. */
  runNews: string;
  /** The learner's files as they are now. */
  documents: Documents;
  /** The last graded run; cleared when a new run starts. */
  report?: RunReport;
  /** The last run's errors (a run that did not finish gives one). */
  errors: RunError[];
  /** The handler text the last run was given: error lines belong to it. */
  ranCode?: string;
  /** Finished runs this visit. */
  runs: number;
  /** This visit's runs, oldest first. */
  history: RunSummary[];
  /** The network setting runs use. */
  latency: LatencyModel;
  /** The files a reset or "use solution" replaced, kept for Undo while the new text is untouched. */
  replaced?: { documents: Documents; by: Documents };
  /** Files offered from a share link, shown beside the learner's until they take or decline them. */
  offer?: Documents;
  /** A message about something from outside the page (a link that could not be read), until dismissed. */
  notice?: string;
  /** The starter the saved attempt began from, when the lesson's starter has changed since. */
  starterChanged?: { was: string };
  /** True while the database is stopped to free memory for another exercise on the page; `start()` resumes. */
  paused: boolean;
}

/** Called after every change of state. */
type Listener = (state: PlaygroundState) => void;

/** A playground's store; create one per lesson page or embedded exercise. */
export class PlaygroundStore {
  /** The lesson's own network setting: only runs at it can solve the lesson. */
  readonly lessonLatency: LatencyModel;
  private state: PlaygroundState;
  private readonly listeners = new Set<Listener>();
  private readonly unfollow: () => void;
  /** The lesson this playground teaches. */
  readonly lesson: Lesson;
  private readonly client: LessonClient;

  constructor(lesson: Lesson, client: LessonClient) {
    this.lesson = lesson;
    this.client = client;
    this.lessonLatency = { ...DEFAULT_LATENCY, ...lesson.frontmatter.latency };
    this.state = {
      running: false,
      runNews: '',
      documents: readDocuments(lesson.slug, this.starterDocuments()),
      errors: [],
      runs: 0,
      history: [],
      latency: this.lessonLatency,
      paused: false,
    };
    const was = savedStarter(lesson.slug);
    if (hasSavedAttempt(lesson.slug) && was !== null && was !== lesson.files.starter) this.state.starterChanged = { was };
    this.unfollow = followOtherTabs(lesson.slug, (file, text) => this.set({ documents: { ...this.state.documents, [file]: text } }));
  }

  /** The current state (a new object after every change, for `useSyncExternalStore`). */
  getState = (): PlaygroundState => this.state;

  /** Calls `listener` after each change; returns the unsubscribe. */
  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** True once the database is up and Run works. */
  get ready(): boolean {
    return this.state.boot?.phase === 'ready';
  }

  /** True when the last report passed every goal at the lesson's own network setting. */
  get solved(): boolean {
    const { report } = this.state;
    return report !== undefined && report.passed && sameLatency(report.latency, this.lessonLatency);
  }

  /** True while the last replacement can be undone: undoing after edits would throw them away. */
  get canUndo(): boolean {
    const { replaced, documents } = this.state;
    return replaced !== undefined && sameDocuments(replaced.by, documents);
  }

  /** The files the lesson starts from. */
  starterDocuments(): Documents {
    return { 'handler.ts': this.lesson.files.starter, 'migration.sql': this.lesson.files.migration ?? '' };
  }

  /** Boots the database; progress lands in `state.boot`. */
  async start(): Promise<void> {
    this.set({ paused: false });
    const outcome = await this.client.boot((progress) => {
      // For `npm run bench`: when the page became usable, measured by the page itself.
      if (progress.phase === 'ready' && !progress.starterMeasured) {
        performance.mark('fastpath:database-ready');
        this.set({ boot: progress, runNews: '' }); // a "not ready yet" note is out of date now
      } else this.set({ boot: progress });
    });
    if (!outcome.ok) this.set({ boot: { phase: 'failed', message: outcome.error.message } });
  }

  /** Edits one file; it is saved at once. */
  edit(file: LessonFile, text: string): void {
    // The editor echoes text put into it (from another tab, a reset): saving that again could land
    // after a newer keystroke in the other tab and undo it there.
    if (text === this.state.documents[file]) return;
    this.save(file, text);
    this.set({ documents: { ...this.state.documents, [file]: text } });
  }

  /** Replaces the learner's files (reset, the solution, a shared link), keeping the old ones for Undo. */
  replace(next: Documents): void {
    const { documents } = this.state;
    for (const file of Object.keys(next) as LessonFile[]) this.save(file, next[file]);
    this.set({ documents: next, replaced: { documents, by: next } });
  }

  /** Back to the starter's files: the attempt now begins from today's starter. */
  reset(): void {
    this.replace(this.starterDocuments());
    this.acknowledgeStarterChange();
  }

  /** The learner has seen that the starter changed: their attempt counts as begun from today's. */
  acknowledgeStarterChange(): void {
    recordStarter(this.lesson.slug, this.lesson.files.starter);
    this.set({ starterChanged: undefined });
  }

  /** The reference solution's files (the migration stays when the lesson has no solution migration). */
  useSolution(): void {
    const { files } = this.lesson;
    this.replace({ 'handler.ts': files.solution, 'migration.sql': files.solutionMigration ?? this.state.documents['migration.sql'] });
  }

  /** Puts back what the last replacement replaced, if nothing was edited since. */
  undo(): void {
    const { replaced } = this.state;
    if (!replaced || !this.canUndo) return;
    for (const file of Object.keys(replaced.documents) as LessonFile[]) this.save(file, replaced.documents[file]);
    this.set({ documents: replaced.documents, replaced: undefined });
  }

  /**
   * Offers files from outside (a share link) beside the learner's own: nothing is replaced, and
   * nothing runs, until the learner takes them. Files the offer lacks stay as they are.
   */
  offerDocuments(files: Partial<Documents>): void {
    const offer = { ...this.state.documents, ...files };
    // The same code as the learner's: there is nothing to choose.
    this.set({ offer: sameDocuments(offer, this.state.documents) ? undefined : offer });
  }

  /** Takes the offered files (undoable, like a reset). */
  takeOffer(): void {
    const { offer } = this.state;
    if (!offer) return;
    this.replace(offer);
    this.set({ offer: undefined });
  }

  /** Keeps the learner's files and forgets the offer. */
  declineOffer(): void {
    this.set({ offer: undefined });
  }

  /** Shows a message about something from outside the page, or clears it (undefined). */
  setNotice(notice: string | undefined): void {
    this.set({ notice });
  }

  /** The network setting for the next runs. */
  setLatency(latency: LatencyModel): void {
    this.set({ latency });
  }

  /** Grades the learner's files; a second call while one runs, or before Ready, only says why. */
  async run(options: RunOptions = {}): Promise<void> {
    if (this.state.running) return;
    if (!this.ready) {
      // Ctrl/Cmd+Enter works before the button does: say why nothing happens (a new text each time,
      // so a second press is heard too).
      const { boot } = this.state;
      const why = boot?.phase === 'failed' ? 'The database could not start; reload the page to try again.' : `${describeBoot(boot)}: Run works once this says Ready.`;
      this.set({ runNews: this.state.runNews === why ? `${why}\u00a0` : why });
      return;
    }
    performance.mark('fastpath:run-start'); // for `npm run bench`
    const code = this.state.documents['handler.ts'];
    const migration = this.lesson.files.migration === undefined ? undefined : this.state.documents['migration.sql'];
    this.set({ running: true, ranCode: code, errors: [], report: undefined });
    const outcome = await this.client.run({ code, file: 'handler.ts', migration }, this.state.latency, options);
    const runs = this.state.runs + 1;
    if (!outcome.ok) {
      this.set({ running: false, runs, errors: [outcome.error], runNews: 'The run did not finish: see the error below.' });
      return;
    }
    const report = outcome.value;
    const summary = summariseRun(report, new Date().toLocaleTimeString());
    const errorNote = report.errors.length ? `, with ${report.errors.length === 1 ? 'an error' : 'errors'}` : '';
    this.set({
      running: false,
      runs,
      report,
      errors: report.errors,
      history: [...this.state.history, summary],
      runNews: `Run finished: ${summary.passed} of ${summary.total} checks passed${errorNote}.`,
    });
    if (this.solved) markSolved(this.lesson.slug);
  }

  /**
   * Stops the database to give its memory back (another exercise on the page starts); the files stay
   * saved and `start()` boots again from the snapshot. A run going on is stopped with it.
   */
  pause(): void {
    this.client.dispose();
    this.set({ paused: true, boot: undefined, running: false });
  }

  /** Stops the worker and stops following other tabs. */
  dispose(): void {
    this.unfollow();
    this.client.dispose();
    this.listeners.clear();
  }

  /** Saves a file; the first save of an attempt also records the starter it began from. */
  private save(file: LessonFile, text: string): void {
    if (savedStarter(this.lesson.slug) === null) recordStarter(this.lesson.slug, this.lesson.files.starter);
    saveDocument(this.lesson.slug, file, text);
  }

  private set(change: Partial<PlaygroundState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener(this.state);
  }
}

function sameDocuments(a: Documents, b: Documents): boolean {
  return a['handler.ts'] === b['handler.ts'] && a['migration.sql'] === b['migration.sql'];
}
