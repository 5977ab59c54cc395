/**
 * Virtual time for a run (DESIGN.md, "The latency model").
 *
 * Queries really execute in PGlite one at a time; the scheduler places each measured execution on a
 * simulated connection pool: start = max(issued, slot free), end = start + round trip + execution.
 * Continuations run in order of simulated end, and the clock moves to each end, so N sequential
 * queries cost about N round trips while a `Promise.all` of N over a pool of P costs about N/P.
 */
import { macrotask } from './macrotask.ts';

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
  startAt: number;
  endAt: number;
}

/** A query handed to the scheduler: `execute` runs it for real and reports how long it took. */
export interface QueryJob {
  /** Runs the statement in PGlite; must not throw (errors are part of the outcome). */
  execute: () => Promise<{ execMs: number }>;
  /** Called when the query completes in simulated time. */
  complete: (placement: Placement) => void;
  /** Transaction this query belongs to, if any. */
  txId?: number;
  /** Set on the statement that opens `txId`: the transaction then holds its connection. */
  opensTx?: boolean;
  /** Set on the statement that ends `txId`. */
  closesTx?: boolean;
  issuedAt?: number;
}

interface Event {
  at: number;
  /** Order among events at the same time. */
  seq: number;
  /** Timer id for `cancel`; stays the same across the repeats of an interval. */
  id?: number;
  fire: () => void;
}

/** Longest delay Node accepts for a timer; longer ones fire after 1 ms, as in Node. */
const MAX_DELAY_MS = 2 ** 31 - 1;
/** Virtual time one request may take before it is stopped as a runaway (a timer loop). */
export const MAX_REQUEST_MS = 3600_000;

/** Discrete-event scheduler over a virtual clock. One per pass. */
export class Scheduler {
  /** Current virtual time in milliseconds. */
  now = CLOCK_START_MS;
  private readonly queue: QueryJob[] = [];
  private readonly events: Event[] = [];
  private readonly slotFreeAt: number[];
  private readonly txSlot = new Map<number, number>();
  private activeTx: number | undefined;
  private seq = 0;

  readonly latency: LatencyModel;

  constructor(latency: LatencyModel) {
    this.latency = latency;
    this.slotFreeAt = new Array(latency.poolSize).fill(0);
  }

  /** Queues a query at the current virtual time; it runs when the scheduler is next driven. */
  issue(job: QueryJob): void {
    job.issuedAt = this.now;
    this.queue.push(job);
  }

  /**
   * Calls `fire` once `ms` of virtual time have passed, and every `ms` after that when `repeat` is
   * set; returns an id for `cancel`. Delays are read like Node does: not a number, negative or over
   * 2^31-1 ms means 1 ms.
   */
  schedule(ms: number, fire: () => void, repeat = false): number {
    const id = ++this.seq;
    const delay = Number.isFinite(Number(ms)) && Number(ms) >= 1 && Number(ms) <= MAX_DELAY_MS ? Number(ms) : 1;
    const push = (at: number) => {
      this.events.push({
        at,
        seq: ++this.seq,
        id,
        fire: () => {
          if (repeat) push(at + delay);
          fire();
        },
      });
    };
    push(this.now + delay);
    return id;
  }

  /** Calls `fire` at the current virtual time, after what is already due (`setImmediate`). */
  soon(fire: () => void): number {
    const id = ++this.seq;
    this.events.push({ at: this.now, seq: ++this.seq, id, fire });
    return id;
  }

  /** Cancels a callback from `schedule` or `soon`. */
  cancel(id: number): void {
    const index = this.events.findIndex((event) => event.id === id);
    if (index !== -1) this.events.splice(index, 1);
  }

  /** Moves the clock forward (a workload's "ten minutes pass"); timers now due fire on `fireDue`. */
  advance(ms: number): void {
    this.now += Math.max(0, ms);
  }

  /**
   * Fires every timer (and completes every query) whose time has come, in time order, without
   * moving the clock past now: what happened while no request was being served.
   */
  async fireDue(): Promise<void> {
    for (;;) {
      await new Promise<void>((resolve) => macrotask(resolve));
      await this.executeRunnable();
      const next = this.peekNextEvent();
      if (!next || next.at > this.now) return;
      this.events.splice(this.events.indexOf(next), 1);
      next.fire();
    }
  }

  /** Queries waiting for a transaction to end. */
  get blockedQueries(): number {
    return this.queue.length;
  }

  /**
   * Runs the simulation until `isSettled()` holds: executes queued queries, then completes the
   * earliest event (a query's end or a timer) and moves the clock to it, one event per macrotask so
   * each continuation can issue its next queries at the right virtual time.
   * @returns 'stuck' when nothing is left to run and the request is still unsettled; 'runaway'
   *   when it would take more than `MAX_REQUEST_MS` of virtual time (a timer loop, say)
   */
  async drive(isSettled: () => boolean): Promise<'settled' | 'stuck' | 'runaway'> {
    const deadline = this.now + MAX_REQUEST_MS;
    for (;;) {
      // One macrotask later, every query of the current synchronous burst has been issued.
      await new Promise<void>((resolve) => macrotask(resolve));
      if (isSettled()) return 'settled';
      await this.executeRunnable();
      const next = this.peekNextEvent();
      if (!next) return 'stuck';
      if (next.at > deadline) return 'runaway';
      this.events.splice(this.events.indexOf(next), 1);
      this.now = Math.max(this.now, next.at);
      next.fire();
    }
  }

  /** Executes queued queries in issue order, skipping those blocked by an open transaction. */
  private async executeRunnable(): Promise<void> {
    for (let i = 0; i < this.queue.length; ) {
      const job = this.queue[i];
      const blocked = this.activeTx !== undefined && job.txId !== this.activeTx;
      if (blocked) {
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      if (job.opensTx) this.activeTx = job.txId;
      const { execMs } = await job.execute();
      const placement = this.place(job, execMs);
      if (job.closesTx) {
        this.activeTx = undefined;
        i = 0; // queries that waited for the transaction may run now
      }
      this.events.push({ at: placement.endAt, seq: ++this.seq, fire: () => job.complete(placement) });
    }
  }

  private place(job: QueryJob, execMs: number): Placement {
    const issuedAt = job.issuedAt ?? this.now;
    let slot = job.txId !== undefined ? this.txSlot.get(job.txId) : undefined;
    if (slot === undefined) {
      // Other queries never run while a transaction is open, so the earliest free slot is free.
      slot = this.slotFreeAt.indexOf(Math.min(...this.slotFreeAt));
      if (job.opensTx && job.txId !== undefined) this.txSlot.set(job.txId, slot);
    }
    const startAt = Math.max(issuedAt, this.slotFreeAt[slot]);
    const endAt = startAt + this.latency.rttMs + execMs;
    this.slotFreeAt[slot] = endAt;
    if (job.closesTx && job.txId !== undefined) this.txSlot.delete(job.txId);
    return { issuedAt, startAt, endAt };
  }

  private peekNextEvent(): Event | undefined {
    let best: Event | undefined;
    for (const event of this.events) {
      if (!best || event.at < best.at || (event.at === best.at && event.seq < best.seq)) best = event;
    }
    return best;
  }
}
