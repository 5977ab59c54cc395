/**
 * Correctness under concurrency (docs/engine.md). A request in concurrent traffic is correct when
 * its answer equals the oracle's answer for the database as of its start or as of its end. An
 * answer that matches only an older state is a stale read, reported with the write it missed.
 *
 * Shadow answers are taken lazily: the state at a request's start is the state just before the
 * first write after it, so the oracle is asked then (or once the traffic is over), never while
 * learner code is running.
 */
import type { LiveRequest } from '../pass/request-runner.ts';
import type { ShadowOracle } from './shadow-oracle.ts';
import { canonicalAnswer, type AnswerOrder } from './compare.ts';

interface Shadow {
  text: string;
  answer: unknown;
}

interface Track {
  request: LiveRequest;
  key: string;
  startVersion: number;
  start?: Shadow | null;
  endVersion?: number;
  end?: Shadow | null;
}

/** Judges the requests of concurrent traffic in one pass. */
export class ConcurrencyJudge {
  /** How many writes have run so far in the pass. */
  private version = 0;
  /** `writes[v]` describes the write that moved the data from version v to v + 1. */
  private readonly writes: string[] = [];
  /** Every shadow answer taken, by handler and input, with the version it saw. */
  private readonly history = new Map<string, { version: number; text: string; answer: unknown }[]>();
  private readonly tracks: Track[] = [];
  private readonly oracle: ShadowOracle;
  private readonly order: AnswerOrder;

  constructor(oracle: ShadowOracle, order: AnswerOrder) {
    this.oracle = oracle;
    this.order = order;
  }

  /** A request arrived (at its arrival event). Only requests of concurrent traffic are judged here. */
  arrived(request: LiveRequest, concurrent: boolean): void {
    if (!concurrent) return;
    const key = `${request.record.handler}:${canonicalAnswer(request.record.input, 'ordered')}`;
    this.tracks.push({ request, key, startVersion: this.version });
  }

  /** A request settled (inside the segment that settled it). */
  settled(request: LiveRequest): void {
    const track = this.tracks.find((candidate) => candidate.request === request);
    if (track) track.endVersion = this.version;
  }

  /** Before a write runs: take the shadows that must see the data as it is now. */
  async beforeWrite(): Promise<void> {
    await this.takeShadows();
  }

  /** After a write ran. */
  afterWrite(description: string): void {
    this.writes.push(description);
    this.version++;
  }

  /** Takes the shadows still owed and gives every settled request its verdict. */
  async flush(): Promise<void> {
    await this.takeShadows();
    for (const track of this.tracks.splice(0)) {
      if (track.endVersion === undefined) {
        this.tracks.push(track);
        continue;
      }
      this.judge(track);
    }
  }

  private async takeShadows(): Promise<void> {
    for (const track of this.tracks) {
      const { handler, input } = track.request.record;
      if (track.start === undefined && track.startVersion === this.version) track.start = await this.ask(track.key, handler, input);
      if (track.endVersion === this.version && track.end === undefined) {
        track.end = track.endVersion === track.startVersion && track.start !== undefined ? track.start : await this.ask(track.key, handler, input);
      }
    }
  }

  private async ask(key: string, handler: string, input: unknown): Promise<Shadow | null> {
    const seen = this.history.get(key) ?? [];
    // The same request on the same data has the same answer: popular items are asked once per version.
    const known = seen.find((entry) => entry.version === this.version);
    if (known) return known;
    const shadow = await this.oracle(handler, input);
    if (!shadow) return null;
    seen.push({ version: this.version, text: shadow.text, answer: shadow.answer });
    this.history.set(key, seen);
    return shadow;
  }

  private judge(track: Track): void {
    const { record } = track.request;
    // A handler the oracle writes with is not asked again: it is compared with the oracle's run.
    if (!track.start || !track.end || record.error) return;
    const text = canonicalAnswer(record.answer, this.order);
    if (text === track.start.text || text === track.end.text) {
      record.concurrent = { ok: true, expected: track.end.answer };
      return;
    }
    const seen = this.history.get(track.key) ?? [];
    const older = seen.filter((entry) => entry.version < track.startVersion && entry.text === text).at(-1);
    let missedWrite: string | undefined;
    if (older) {
      const changed = seen.find((entry) => entry.version > older.version && entry.text !== text);
      const range = this.writes.slice(older.version, changed ? changed.version : track.startVersion);
      missedWrite = range.length <= 1 ? range[0] : `${range[range.length - 1]} (or one of the ${range.length - 1} writes before it)`;
    }
    record.concurrent = { ok: false, expected: track.end.answer, ...(missedWrite ? { missedWrite } : {}) };
  }
}
