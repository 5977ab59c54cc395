/**
 * Virtual time for a pass (docs/engine.md, "The scheduler"): a discrete-event simulation of one app
 * instance (its event loop), a connection pool and the database.
 *
 * - A query is issued at the end of the JavaScript segment that sent it, waits for a free
 *   connection, travels half a round trip, executes for real in PGlite (measured), and comes back
 *   half a round trip later. Real executions happen in the order the simulated database receives
 *   them, so overlapping requests see each other's writes as a real server would.
 * - The learner's JavaScript between two awaits is a **segment**: its real duration is measured
 *   and placed on the event loop, so a CPU-heavy request delays the others, and a cache hit costs
 *   what it costs.
 */
import { macrotask } from './macrotask.ts';
import { measureHopOverhead, measureClockResolution } from './cpu-clock.ts';
import { CLOCK_START_MS, ConnectionPool, type LatencyModel, type Owner, type QueryJob } from './connection-pool.ts';

export { CLOCK_START_MS, DEFAULT_LATENCY, sameLatency, type LatencyModel, type Owner, type Placement, type QueryJob } from './connection-pool.ts';

interface Event {
  at: number;
  /** Order among events at the same time. */
  seq: number;
  /** Timer id for `cancel`; stays the same across the repeats of an interval. */
  id?: number;
  /** Learner code run by `fire` belongs to this request (its CPU time is charged to it). */
  owner?: Owner;
  /** Learner code: runs as a measured segment on the event loop. */
  fire?: () => void;
  /** Engine work at this instant (a query reaching the database, a workload write): not on the event loop. */
  run?: () => Promise<void>;
}

/** One measured piece of learner JavaScript. */
export interface Segment {
  owner: Owner | undefined;
  startAt: number;
  endAt: number;
  cpuMs: number;
}

/** Longest delay Node accepts for a timer; longer ones fire after 1 ms, as in Node. */
const MAX_DELAY_MS = 2 ** 31 - 1;
/** Virtual time one drive may take before it is stopped as a runaway (a timer loop). */
export const MAX_REQUEST_MS = 3600_000;

/** Real time after a segment's last engine call still taken as noise, not the learner's work. */
const TRAILING_NOISE_MS = 0.5;

const hop = () => new Promise<void>((resolve) => macrotask(resolve));

/** Discrete-event scheduler over a virtual clock. One per pass. */
export class Scheduler {
  /** Current virtual time in milliseconds. */
  now = CLOCK_START_MS;
  readonly latency: LatencyModel;
  /** Called after every learner segment with its measured CPU time. */
  onSegment?: (segment: Segment) => void;
  /** The request whose code runs now; undefined between segments. */
  owner: Owner | undefined;
  /** Real time (ms) a macrotask hop costs with nothing to run; subtracted from every segment. */
  hopOverheadMs = 0;
  /** Smallest step of `performance.now()` here (0.1 ms in a browser that is not cross-origin isolated). */
  clockResolutionMs = 0;

  private readonly events: Event[] = [];
  private readonly pool: ConnectionPool;
  private loopFreeAt = CLOCK_START_MS;
  private seq = 0;
  /** Things stamped during the running segment, moved to its end once its length is known. */
  private segment: { startAt: number; jobs: QueryJob[]; timers: Event[]; stamps: ((at: number) => void)[] } | undefined;
  /** Real time spent in engine bookkeeping inside the running segment (not the learner's). */
  private engineMs = 0;
  /** The last time (real, and engine time before it) the running segment's code called into the engine. */
  private lastTouch: { at: number; engineMs: number } | undefined;

  constructor(latency: LatencyModel) {
    this.latency = latency;
    this.pool = new ConnectionPool(latency, {
      engineAt: (at, run) => this.atEngine(at, run),
      learnerAt: (at, owner, fire) => this.events.push({ at, seq: ++this.seq, owner, fire }),
    });
  }

  /** Measures the cost of a macrotask hop and the clock's resolution, once per pass. */
  async calibrate(): Promise<void> {
    this.hopOverheadMs = await measureHopOverhead(hop);
    this.clockResolutionMs = measureClockResolution();
  }

  /** Runs engine bookkeeping inside a segment without charging its time to the learner. */
  engine<T>(work: () => T): T {
    if (!this.segment) return work();
    const started = performance.now();
    try {
      return work();
    } finally {
      this.engineMs += performance.now() - started;
    }
  }

  /**
   * Notes that learner code is calling into the engine (a query, a timer, a cache read, its
   * answer). The segment's CPU time ends at its last touch: whatever runs after it before the
   * next macrotask (a garbage collection PGlite caused, the test runner's messages) is not the
   * learner's.
   */
  touch(): void {
    if (this.segment) this.lastTouch = { at: performance.now(), engineMs: this.engineMs };
  }

  /** Queues a query; it leaves the app when the running segment ends. */
  issue(job: QueryJob): void {
    this.touch();
    job.issuedAt = this.now;
    this.segment?.jobs.push(job);
    this.pool.enqueue(job);
  }

  /** Calls `stamp` with the time the running segment ends (now, outside a segment). */
  stamp(stamp: (at: number) => void): void {
    this.touch();
    if (this.segment) this.segment.stamps.push(stamp);
    else stamp(this.now);
  }

  /**
   * Calls `fire` once `ms` of virtual time have passed, and every `ms` after that when `repeat` is
   * set; returns an id for `cancel`. Delays are read like Node does: not a number, negative or over
   * 2^31-1 ms means 1 ms. The callback belongs to the request that set the timer.
   */
  schedule(ms: number, fire: () => void, repeat = false): number {
    this.touch();
    const id = ++this.seq;
    const delay = Number.isFinite(Number(ms)) && Number(ms) >= 1 && Number(ms) <= MAX_DELAY_MS ? Number(ms) : 1;
    const owner = this.owner;
    const push = (at: number) => {
      const event: Event = {
        at,
        seq: ++this.seq,
        id,
        owner,
        fire: () => {
          if (repeat) push(this.now + delay);
          fire();
        },
      };
      this.events.push(event);
      this.segment?.timers.push(event);
    };
    push(this.now + delay);
    return id;
  }

  /** Calls `fire` at the current virtual time, after what is already due (`setImmediate`). */
  soon(fire: () => void): number {
    this.touch();
    const id = ++this.seq;
    const event: Event = { at: this.now, seq: ++this.seq, id, owner: this.owner, fire };
    this.events.push(event);
    this.segment?.timers.push(event);
    return id;
  }

  /** Runs `fire` as code of `owner` at virtual time `at` (a request arriving). */
  at(at: number, owner: Owner, fire: () => void): void {
    this.events.push({ at, seq: ++this.seq, owner, fire });
  }

  /** Runs engine work at virtual time `at` (a statement reaching the database). */
  atEngine(at: number, run: () => Promise<void>): void {
    this.events.push({ at, seq: ++this.seq, run });
  }

  /** A workload write at virtual time `at` during concurrent traffic: it waits for an open transaction. */
  writeAt(at: number, run: () => Promise<void>): void {
    this.atEngine(at, () => this.pool.whenUnlocked(run));
  }

  /** Cancels a callback from `schedule` or `soon`. */
  cancel(id: number): void {
    const index = this.events.findIndex((event) => event.id === id);
    if (index !== -1) this.events.splice(index, 1);
  }

  /** Moves the clock forward (a workload's "ten minutes pass"); timers due meanwhile fire on the next drive. */
  advance(ms: number): void {
    this.now += Math.max(0, ms);
  }

  /** Queries issued but not yet answered, or waiting for a transaction. */
  get queriesInFlight(): number {
    return this.pool.inFlight;
  }

  /** Queries that can never run: they wait for a transaction that is still open. */
  get blockedQueries(): number {
    return this.pool.blocked;
  }

  /**
   * Runs the simulation until `isDone()` holds: one event per macrotask, so each learner segment
   * is measured on its own and can issue its next queries at the right virtual time.
   * @param until stop before events later than this virtual time (they stay queued)
   * @returns 'stuck' when nothing is left to run and `isDone` still fails; 'runaway' when it would
   *   take more than `MAX_REQUEST_MS` of virtual time (a timer loop, say)
   */
  async drive(isDone: () => boolean, until = Infinity): Promise<'settled' | 'stuck' | 'runaway'> {
    const deadline = this.now + MAX_REQUEST_MS;
    for (;;) {
      if (isDone()) return 'settled';
      this.pool.dispatch(this.now);
      const next = this.peekNextEvent();
      if (!next || next.at > until) return isDone() ? 'settled' : 'stuck';
      if (next.at > deadline) return 'runaway';
      this.events.splice(this.events.indexOf(next), 1);
      if (next.run) {
        this.now = Math.max(this.now, next.at);
        await next.run();
      } else {
        await this.runSegment(next);
      }
    }
  }

  /** Processes everything due by now (timers, answers of queries nobody awaited). */
  async runDue(): Promise<void> {
    await this.drive(() => false, this.now);
  }

  /** Runs one event's learner code as a measured segment on the event loop. */
  private async runSegment(event: Event): Promise<void> {
    const startAt = Math.max(event.at, this.loopFreeAt, this.now);
    this.now = startAt;
    this.owner = event.owner;
    this.segment = { startAt, jobs: [], timers: [], stamps: [] };
    this.engineMs = 0;
    this.lastTouch = undefined;
    const started = performance.now();
    event.fire!();
    // Microtasks (the learner's continuations) all run before the next macrotask.
    await hop();
    const wall = performance.now() - started;
    const touch = this.lastTouch as { at: number; engineMs: number } | undefined;
    const whole = wall - this.engineMs - this.hopOverheadMs;
    const toTouch = touch ? touch.at - started - touch.engineMs : whole;
    // Ending at the last touch trims noise after it (a collection PGlite caused), not real work:
    // code that sent a query and then computed before awaiting it ran on after its last touch.
    const cpuMs = Math.max(0, whole - toTouch > TRAILING_NOISE_MS ? whole : toTouch);
    const endAt = startAt + cpuMs;
    const { jobs, timers, stamps } = this.segment;
    this.segment = undefined;
    this.owner = undefined;
    for (const job of jobs) job.issuedAt = endAt;
    for (const timer of timers) timer.at += cpuMs;
    this.loopFreeAt = endAt;
    this.now = endAt;
    for (const stamp of stamps) stamp(endAt);
    this.onSegment?.({ owner: event.owner, startAt, endAt, cpuMs });
  }

  private peekNextEvent(): Event | undefined {
    let best: Event | undefined;
    for (const event of this.events) {
      if (!best || event.at < best.at || (event.at === best.at && event.seq < best.seq)) best = event;
    }
    return best;
  }
}
