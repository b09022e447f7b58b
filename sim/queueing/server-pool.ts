/**
 * c identical servers and one FIFO queue on the simulation (SimPy's Resource with a service
 * time): the portal's application servers, a gateway, later reviewers on working days.
 * Callbacks, not promises: a microtask would run outside the simulation's event order.
 */
import type { Simulation } from '../engine/index';
import type { Rng } from '../random/index';
import { Fifo } from './fifo';
import { type PoolStats, PoolRecorder } from './pool-stats';

export interface ServerPoolOptions<J> {
  servers: number;
  /**
   * A job's service time, ms. Drawn when the job arrives, not when it starts, so a run with
   * more servers serves the same jobs for the same times (common random numbers).
   */
  serviceTime: (rng: Rng, job: J) => number;
  rng: Rng;
  /** Waiting places; a request finding them all taken is rejected at once. Default: unbounded. */
  maxQueue?: number;
}

export type TicketStatus = 'waiting' | 'serving' | 'done' | 'cancelled' | 'rejected';

/** A request's record; NaN marks a time not reached. */
export interface Ticket<J> {
  readonly job: J;
  readonly status: TicketStatus;
  readonly arrivedAt: number;
  readonly serviceMs: number;
  readonly startedAt: number;
  readonly finishedAt: number;
}

export type OnDone<J> = (ticket: Ticket<J>) => void;

class Entry<J> implements Ticket<J> {
  status: TicketStatus = 'waiting';
  startedAt = Number.NaN;
  finishedAt = Number.NaN;
  constructor(
    readonly job: J,
    readonly arrivedAt: number,
    readonly serviceMs: number,
    readonly onDone: OnDone<J> | undefined,
  ) {}
}

export class ServerPool<J> {
  private readonly queue = new Fifo<Entry<J>>();
  private waitingCount = 0;
  private busyCount = 0;
  private capacity: number;
  private readonly maxQueue: number;
  private recorder: PoolRecorder;

  constructor(private readonly sim: Simulation, private readonly options: ServerPoolOptions<J>) {
    this.capacity = checkServers(options.servers);
    this.maxQueue = options.maxQueue ?? Number.POSITIVE_INFINITY;
    if (!(this.maxQueue >= 0)) throw new RangeError(`maxQueue ${options.maxQueue} must be >= 0`);
    this.recorder = new PoolRecorder(sim.now());
  }

  get servers(): number { return this.capacity; }
  get busy(): number { return this.busyCount; }
  get queueLength(): number { return this.waitingCount; }

  /**
   * Asks for a server. The job starts now if a server is free and no one waits, else queues;
   * `onDone` runs when its service ends. A full queue rejects it (status 'rejected', no onDone).
   */
  request(job: J, onDone?: OnDone<J>): Ticket<J> {
    const serviceMs = this.options.serviceTime(this.options.rng, job);
    if (!(serviceMs >= 0 && serviceMs < Number.POSITIVE_INFINITY)) throw new RangeError(`service time ${serviceMs} must be finite and >= 0`);
    const entry = new Entry(job, this.sim.now(), serviceMs, onDone);
    if (this.waitingCount >= this.maxQueue && !this.canStartNow()) {
      entry.status = 'rejected';
      this.recorder.rejected += 1;
      return entry;
    }
    this.touch();
    this.recorder.arrived += 1;
    if (this.canStartNow()) this.start(entry);
    else {
      this.queue.push(entry);
      this.waitingCount += 1;
    }
    return entry;
  }

  /** Withdraws a waiting request (the applicant gave up); false once it is being served or over. */
  cancel(ticket: Ticket<J>): boolean {
    if (!(ticket instanceof Entry) || ticket.status !== 'waiting') return false;
    this.touch();
    ticket.status = 'cancelled'; // left in the queue, skipped when reached
    this.waitingCount -= 1;
    this.recorder.cancelled += 1;
    return true;
  }

  /** Changes the number of servers; fewer servers finish what they serve, then start nothing new. */
  setServers(servers: number): void {
    this.touch();
    this.capacity = checkServers(servers, true);
    this.dispatch();
  }

  /** The figures since the pool was made or stats last reset, up to now. */
  stats(): PoolStats {
    this.touch();
    return this.recorder.snapshot();
  }

  /** Starts a new measurement window now (e.g. after a warm-up); jobs under way stay under way. */
  resetStats(): void {
    this.recorder = new PoolRecorder(this.sim.now());
  }

  private canStartNow(): boolean {
    return this.waitingCount === 0 && this.busyCount < this.capacity;
  }

  private touch(): void {
    this.recorder.advance(this.sim.now(), this.waitingCount, this.busyCount, this.capacity);
  }

  private start(entry: Entry<J>): void {
    const now = this.sim.now();
    entry.status = 'serving';
    entry.startedAt = now;
    this.busyCount += 1;
    this.recorder.recordStart(now - entry.arrivedAt);
    this.sim.schedule(entry.serviceMs, () => this.finish(entry));
  }

  private finish(entry: Entry<J>): void {
    this.touch();
    entry.status = 'done';
    entry.finishedAt = this.sim.now();
    this.busyCount -= 1;
    this.recorder.recordEnd(entry.finishedAt - entry.arrivedAt);
    this.dispatch(); // the next job starts before onDone runs, so onDone sees the queue as it is
    entry.onDone?.(entry);
  }

  /** Starts waiting jobs, oldest first, while servers are free. */
  private dispatch(): void {
    while (this.busyCount < this.capacity && this.waitingCount > 0) {
      const next = this.queue.shift()!;
      if (next.status !== 'waiting') continue; // withdrawn
      this.waitingCount -= 1;
      this.start(next);
    }
  }
}

function checkServers(n: number, zeroAllowed = false): number {
  if (!Number.isInteger(n) || n < (zeroAllowed ? 0 : 1)) throw new RangeError(`servers ${n} must be an integer >= ${zeroAllowed ? 0 : 1}`);
  return n;
}
