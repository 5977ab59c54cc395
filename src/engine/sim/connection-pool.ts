/**
 * The simulated connection pool and database (docs/engine.md, "The scheduler"): a query waits for
 * a free connection, travels half a round trip, executes for real in PGlite at that instant, and
 * its answer comes back half a round trip later. A transaction holds its connection from BEGIN to
 * COMMIT.
 */

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

interface Slot {
  freeAt: number;
  busy: boolean;
  /** Transaction holding this connection between its statements. */
  heldBy?: number;
}

/** How the pool puts its events on the scheduler's clock. */
export interface PoolEvents {
  /** Engine work at virtual time `at` (a statement reaching the database). */
  engineAt(at: number, run: () => Promise<void>): void;
  /** Learner code woken at `at` (an answer arriving), charged to `owner`. */
  learnerAt(at: number, owner: Owner | undefined, fire: () => void): void;
}

/** Connections between the app and the database, and the order statements reach it. */
export class ConnectionPool {
  private readonly latency: LatencyModel;
  private readonly events: PoolEvents;
  private readonly waiting: QueryJob[] = [];
  private readonly slots: Slot[];
  /** Transaction whose statements run for real now: PGlite has one connection, so others wait. */
  private openTx: number | undefined;
  /** Statements that reached the database while another transaction was open, with their connection. */
  private readonly blockedByTx: { job: QueryJob; slot: Slot }[] = [];
  /** Engine writes (a workload's `sql` during concurrent traffic) waiting for the open transaction. */
  private readonly blockedRuns: (() => Promise<void>)[] = [];

  constructor(latency: LatencyModel, events: PoolEvents) {
    this.latency = latency;
    this.events = events;
    this.slots = Array.from({ length: latency.poolSize }, () => ({ freeAt: 0, busy: false }));
  }

  /**
   * Runs engine work on the database now, or once the open transaction has ended: on PGlite's one
   * connection it would otherwise run inside that transaction and share its fate.
   */
  async whenUnlocked(run: () => Promise<void>): Promise<void> {
    if (this.openTx === undefined) await run();
    else this.blockedRuns.push(run);
  }

  /** A query leaves the app (its `issuedAt` is set); it waits for a connection. */
  enqueue(job: QueryJob): void {
    this.waiting.push(job);
  }

  /** Queries issued but not yet answered, or waiting for a transaction. */
  get inFlight(): number {
    return this.waiting.length + this.blockedByTx.length + this.slots.filter((slot) => slot.busy).length;
  }

  /** When nothing else can move, anything still waiting waits for a connection a transaction holds. */
  get blocked(): number {
    return this.blockedByTx.length + this.waiting.length;
  }

  /** Gives waiting queries a connection, in issue order; a transaction's statements use its own. */
  dispatch(now: number): void {
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
      const startAt = Math.max(job.issuedAt ?? now, slot.freeAt);
      job.startAt = startAt;
      const arriveAt = startAt + this.latency.rttMs / 2;
      this.events.engineAt(arriveAt, () => this.arrive(job, slot, arriveAt));
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
  private async arrive(job: QueryJob, slot: Slot, arrivedAt: number): Promise<void> {
    if (this.openTx !== undefined && job.txId !== this.openTx) {
      // One real connection: a statement outside the open transaction would run inside it.
      this.blockedByTx.push({ job, slot });
      return;
    }
    if (job.opensTx) this.openTx = job.txId;
    const { execMs } = await job.execute();
    if (job.closesTx) {
      this.openTx = undefined;
      // Statements that arrived meanwhile run now, in the order they arrived.
      const releasedAt = arrivedAt + execMs;
      for (const blocked of this.blockedByTx.splice(0)) this.events.engineAt(releasedAt, () => this.arrive(blocked.job, blocked.slot, releasedAt));
      for (const run of this.blockedRuns.splice(0)) this.events.engineAt(releasedAt, () => this.whenUnlocked(run));
    }
    const endAt = arrivedAt + execMs + this.latency.rttMs / 2;
    this.events.learnerAt(endAt, job.owner, () => {
      slot.busy = false;
      slot.freeAt = endAt;
      if (job.closesTx) slot.heldBy = undefined;
      job.complete({ issuedAt: job.issuedAt ?? endAt, startAt: job.startAt ?? endAt, endAt });
    });
  }
}
