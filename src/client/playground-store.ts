/**
 * The state of one lesson's playground, without a UI framework: the database's boot (and pause),
 * runs and their reports, the network setting, notices, and the learner's files (their actions in
 * `store.files`, learner-files.ts). The lesson page, an embedded exercise and share links all drive
 * the same store; React components read it with `useStore()` and call its actions.
 */
import type { LessonClient } from './lesson-client.ts';
import type { Lesson } from '../lessons/lesson.ts';
import type { RunReport } from '../engine/grade.ts';
import type { RunError } from '../engine/errors.ts';
import type { BootProgress, RunOptions } from '../worker/lesson-api.ts';
import type { TableRows } from '../engine/lesson/lesson-session.ts';
import { DEFAULT_LATENCY, sameLatency, type LatencyModel } from '../engine/sim/scheduler.ts';
import { describeBoot } from './describe-boot.ts';
import { summariseRun, type RunSummary } from './run-summary.ts';
import { followOtherTabs } from './saved-documents.ts';
import { LearnerFiles, type FilesState } from './learner-files.ts';
import { markSolved } from './progress.ts';

/** Everything the playground shows; replaced (never mutated) on each change. */
export interface PlaygroundState extends FilesState {
  /** The database's latest boot report; undefined before the worker first reports. */
  boot?: BootProgress;
  /** True while a run is going. */
  running: boolean;
  /** What the last run came to, or why Run did nothing: for a live region. */
  runNews: string;
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
  /** A message about something from outside the page (a link that could not be read), until dismissed. */
  notice?: string;
  /** True while the database is stopped to free memory for another exercise on the page; `start()` resumes. */
  paused: boolean;
  /** The data's size the database holds, as a multiple of the lesson's own: only runs at 1 can solve. */
  scale: number;
  /** The lesson's tables and their rows at `scale`, once the data was seeded at another size. */
  tables?: TableRows[];
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
  /** The learner's files: edits, resets, Undo, offers from links, a changed starter. */
  readonly files: LearnerFiles;
  private readonly client: LessonClient;

  constructor(lesson: Lesson, client: LessonClient) {
    this.lesson = lesson;
    this.client = client;
    this.lessonLatency = { ...DEFAULT_LATENCY, ...lesson.frontmatter.latency };
    this.state = {
      running: false,
      runNews: '',
      ...LearnerFiles.initialState(lesson),
      errors: [],
      runs: 0,
      history: [],
      latency: this.lessonLatency,
      paused: false,
      scale: 1,
    };
    this.files = new LearnerFiles(lesson, () => this.state, (change) => this.set(change));
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

  /** True when the last report passed every goal at the lesson's own network setting and data. */
  get solved(): boolean {
    const { report } = this.state;
    return report !== undefined && report.passed && report.scale === 1 && sameLatency(report.latency, this.lessonLatency);
  }

  /** Boots the database; progress lands in `state.boot`. */
  async start(): Promise<void> {
    this.set({ paused: false });
    const outcome = await this.client.boot((progress) => {
      // A new database (a reboot after a timeout, too) holds the lesson's own data.
      if (progress.phase === 'fetching' && this.state.scale !== 1) this.set({ scale: 1, tables: undefined });
      // For `npm run bench`: when the page became usable, measured by the page itself.
      if (progress.phase === 'ready' && !progress.starterMeasured) {
        performance.mark('fastpath:database-ready');
        this.set({ boot: progress, runNews: '' }); // a "not ready yet" note is out of date now
      } else this.set({ boot: progress });
    });
    if (!outcome.ok) this.set({ boot: { phase: 'failed', message: outcome.error.message } });
  }

  /** Shows a message about something from outside the page, or clears it (undefined). */
  setNotice(notice: string | undefined): void {
    this.set({ notice });
  }

  /** The network setting for the next runs. */
  setLatency(latency: LatencyModel): void {
    this.set({ latency });
  }

  /**
   * Seeds the database again at `scale` times the lesson's data (the lesson's `scales`; 1 is its
   * own); progress lands in `state.boot`, and Run waits until it says Ready. If seeding fails, the
   * database restarts with the lesson's own data and a notice says why.
   */
  async setScale(scale: number): Promise<void> {
    if (this.state.running || !this.ready || scale === this.state.scale) return;
    const from = this.state.scale;
    // Not Ready from now on: a Run must not be offered on the data being replaced.
    this.set({ scale, tables: undefined, boot: { phase: 'scaling', scale, done: 0, total: 1 } });
    const outcome = await this.client.setScale(scale, (progress) => this.set({ boot: progress }));
    if (outcome.ok) {
      this.set({ tables: outcome.value.tables, runNews: '' });
      return;
    }
    const message = outcome.error.message.replace(/[.\s]*$/, '.');
    this.set({ scale: 1, notice: `The data could not be built at ${scale}x (from ${from}x): ${message} The database restarts with the lesson's own data.` });
    await this.start();
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
    const scaleNote = report.scale === 1 ? '' : ` at ${report.scale}x the lesson's data (not graded: the goals count at its own size)`;
    this.set({
      running: false,
      runs,
      report,
      errors: report.errors,
      history: [...this.state.history, summary],
      runNews: `Run finished${scaleNote}: ${summary.passed} of ${summary.total} checks passed${errorNote}.`,
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

  private set(change: Partial<PlaygroundState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener(this.state);
  }
}
