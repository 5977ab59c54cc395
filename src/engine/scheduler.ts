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

/** Round trip and pool size of the simulated network. */
export interface LatencyModel {
  /** Simulated round trip per query, in milliseconds. */
  rttMs: number;
  /** How many queries may be in flight at once. */
  poolSize: number;
}

/** True when two latency models are the same setting. */
export function sameLatency(a: LatencyModel, b: LatencyModel): boolean {
  return a.rttMs === b.rttMs && a.poolSize === b.poolSize;
}

/** Default latency model: app and database in one region. */
export const DEFAULT_LATENCY: LatencyModel = { rttMs: 1, poolSize: 10 };

/** Virtual time the clock starts at: non-zero, because lru-cache treats a start time of 0 as "no TTL". */
export const CLOCK_START_MS = 1000;

/** Where a query landed in simulated time. */
export interface Placement {
  issuedAt: number;
  /** When it got a connection. */
  startAt: number;
  /** When its answer was back in the app. */
  endAt: number;
}

/** A query handed to the scheduler: `execute` runs it for real and reports how long it took. */
export interface QueryJob {
  /** Runs the statement in PGlite; must not throw (errors are part of the outcome). */
  execute: () => Promise<{ execMs: number }>;
  /** Called when the answer is back in the app, in simulated time. */
  complete: (placement: Placement) => void;
  /** Transaction this query belongs to, if any. */
  txId?: number;
  /** Set on the statement that opens `txId`: the transaction then holds its connection. */
  opensTx?: boolean;
  /** Set on the statement that ends `txId`. */
  closesTx?: boolean;
  /** The request that sent it: the code its answer wakes up is charged to that request. */
  owner?: Owner;
  /** Set by the scheduler: when the segment that sent it ended. */
  issuedAt?: number;
  /** Set by the scheduler: when it got a connection. */
  startAt?: number;
}

/** Whose code a segment runs: a request, identified by the caller. */
export type Owner = number;

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

const hop = () => new Promise<void>((resolve) => macrotask(resolve));

interface Slot {
  freeAt: number;
  busy: boolean;
  /** Transaction holding this connection between its statements. */
  heldBy?: number;
}

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
  private readonly waiting: QueryJob[] = [];
  private readonly slots: Slot[];
  /** Transaction whose statements run for real now: PGlite has one connection, so others wait. */
  private openTx: number | undefined;
  /** Statements that reached the database while another transaction was open, with their connection. */
  private readonly blockedByTx: { job: QueryJob; slot: Slot }[] = [];
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
    this.slots = Array.from({ length: latency.poolSize }, () => ({ freeAt: 0, busy: false }));
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
    this.waiting.push(job);
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

  /** Runs engine work at virtual time `at` (a workload write during concurrent traffic). */
  atEngine(at: number, run: () => Promise<void>): void {
    this.events.push({ at, seq: ++this.seq, run });
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
    return this.waiting.length + this.blockedByTx.length + this.slots.filter((slot) => slot.busy).length;
  }

  /** Queries that can never run: they wait for a transaction that is still open. */
  get blockedQueries(): number {
    // When nothing else can move, anything still waiting waits for a connection a transaction holds.
    return this.blockedByTx.length + this.waiting.length;
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
      this.dispatch();
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
    const cpuMs = Math.max(0, touch ? touch.at - started - touch.engineMs : wall - this.engineMs - this.hopOverheadMs);
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

  /** Gives waiting queries a connection, in issue order; a transaction's statements use its own. */
  private dispatch(): void {
    for (let i = 0; i < this.waiting.length; ) {
      const job = this.waiting[i];
      const slot = this.slotFor(job);
      if (!slot) {
        i++;
        continue;
      }
      this.waiting.splice(i, 1);
      slot.busy = true;
      if (job.opensTx) slot.heldBy = job.txId;
      const startAt = Math.max(job.issuedAt ?? this.now, slot.freeAt);
      job.startAt = startAt;
      this.events.push({ at: startAt + this.latency.rttMs / 2, seq: ++this.seq, run: () => this.arrive(job, slot) });
    }
  }

  private slotFor(job: QueryJob): Slot | undefined {
    if (job.txId !== undefined && !job.opensTx) {
      const held = this.slots.find((slot) => slot.heldBy === job.txId);
      return held && !held.busy ? held : undefined;
    }
    let best: Slot | undefined;
    for (const slot of this.slots) {
      if (slot.busy || slot.heldBy !== undefined) continue;
      if (!best || slot.freeAt < best.freeAt) best = slot;
    }
    return best;
  }

  /** The statement reaches the database: it runs for real now, unless another transaction is open. */
  private async arrive(job: QueryJob, slot: Slot): Promise<void> {
    if (this.openTx !== undefined && job.txId !== this.openTx) {
      // One real connection: a statement outside the open transaction would run inside it.
      this.blockedByTx.push({ job, slot });
      return;
    }
    if (job.opensTx) this.openTx = job.txId;
    const arrivedAt = this.now;
    const { execMs } = await job.execute();
    if (job.closesTx) {
      this.openTx = undefined;
      // Statements that arrived meanwhile run now, in the order they arrived.
      for (const blocked of this.blockedByTx.splice(0)) {
        this.events.push({ at: arrivedAt + execMs, seq: ++this.seq, run: () => this.arrive(blocked.job, blocked.slot) });
      }
    }
    const endAt = arrivedAt + execMs + this.latency.rttMs / 2;
    this.events.push({
      at: endAt,
      seq: ++this.seq,
      fire: () => {
        slot.busy = false;
        slot.freeAt = endAt;
        if (job.closesTx) slot.heldBy = undefined;
        job.complete({ issuedAt: job.issuedAt ?? endAt, startAt: job.startAt ?? endAt, endAt });
      },
      owner: job.owner,
    });
  }

  private peekNextEvent(): Event | undefined {
    let best: Event | undefined;
    for (const event of this.events) {
      if (!best || event.at < best.at || (event.at === best.at && event.seq < best.seq)) best = event;
    }
    return best;
  }
}
