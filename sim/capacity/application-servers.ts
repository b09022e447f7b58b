import type { Distribution } from '../../machines';
import type { Rng } from '../random';
import FlatQueue from 'flatqueue';
import { ServerBooks } from './server-books';
import type { QueueFigures } from '../queueing';

export interface ServersConfig {
  /** Application servers (c): each serves one request at a time. */
  servers: number;
  /** Mean service time of an operation, ms; `default` for the rest. */
  serviceMs: Record<string, number> & { default: number };
  /**
   * The gateway's limit: an answer later than this is a 504 for the applicant, though the
   * request still runs on its server (as behind nginx's `proxy_read_timeout`).
   */
  timeoutMs: number;
  /**
   * Requests that may wait for a server at once (the accept backlog). A request finding it full
   * is refused at once with a 503: it takes no server. Unbounded when absent.
   */
  backlog?: number;
  /** How long a 503 from a full backlog takes to reach the applicant, ms. */
  refusedMs?: number;
}

/** What became of a request at the application servers. */
export type Admission =
  | { status: 'served'; latencyMs: number }
  /** Refused at the door (503): the portal never saw it. */
  | { status: 'busy'; latencyMs: number }
  /** Served, but the gateway gave up first (504): the applicant does not know it was done. */
  | { status: 'timeout'; latencyMs: number };

/**
 * The portal's application servers as an FCFS pool of c servers with a finite backlog (M/M/c/K
 * when arrivals are Poisson): each request takes the server that frees first, waits for it, and
 * is served for an exponential time with the operation's mean. Requests are admitted when they
 * happen in virtual time, so the pool only computes when each answer arrives: no events of its
 * own. A step's later calls are admitted at their own times as the step is performed, a little
 * ahead of other applicants' calls; the backlog they see is then exact to within one step.
 */
export class ApplicationServers {
  /** When each server is next free. */
  private readonly freeAt: Float64Array;
  /** When each waiting request starts its service: those past `now` are the backlog. */
  private readonly waiting = new FlatQueue<number>();
  private readonly services = new Map<string, Distribution>();
  /** The books every admission is entered in (a shard of a run over many cores hands them to the coordinator's: sim/shards). */
  readonly books: ServerBooks;

  /**
   * `draw` gives a service time from the calling applicant's own stream when a call brings one
   * (see `admit`), so that one applicant making another call shifts no one else's draws.
   */
  constructor(
    private readonly config: ServersConfig,
    private readonly draw: (d: Distribution, stream?: Rng) => number,
  ) {
    this.freeAt = new Float64Array(config.servers);
    this.books = new ServerBooks(config.servers);
  }

  get servers(): number { return this.config.servers; }

  /** Requests, gateway timeouts, refusals at a full backlog, server time in use, waits (ServerBooks). */
  get stats() { return this.books.stats; }

  /**
   * Admits a request of `op` at `now`: served (perhaps after a wait), refused, or timed out at
   * the gateway. Its service time comes from `stream`, the caller's own, when given.
   */
  admit(op: string, now: number, stream?: Rng): Admission {
    while (this.waiting.length > 0 && this.waiting.peekValue()! <= now) this.waiting.pop();
    const { backlog } = this.config;
    let k = 0;
    for (let i = 1; i < this.freeAt.length; i += 1) if (this.freeAt[i]! < this.freeAt[k]!) k = i;
    const start = Math.max(now, this.freeAt[k]!);
    if (start > now && backlog !== undefined && this.waiting.length >= backlog) {
      this.books.book({ refused: true, now });
      return { status: 'busy', latencyMs: this.config.refusedMs ?? 0 };
    }
    const service = this.draw(this.serviceOf(op), stream);
    this.freeAt[k] = start + service;
    this.served(start, start + service);
    if (start > now) this.waiting.push(start, start);
    const latencyMs = start + service - now;
    const timedOut = latencyMs > this.config.timeoutMs;
    this.books.book({ now, start, service, timedOut });
    return timedOut ? { status: 'timeout', latencyMs: this.config.timeoutMs } : { status: 'served', latencyMs };
  }

  /** Servers busy at `now`: serving (or holding for a waiting request) beyond it. */
  busyAt(now: number): number {
    let busy = 0;
    for (let i = 0; i < this.freeAt.length; i += 1) if (this.freeAt[i]! > now) busy += 1;
    return busy;
  }

  /** A request holds a server from `start` to `end`; a shard of a run over many cores writes it down (sim/shards). */
  protected served(_start: number, _end: number): void {}

  /** An operation's service time, the same object each call (a call makes no garbage for it). */
  private serviceOf(op: string): Distribution {
    let service = this.services.get(op);
    if (!service) this.services.set(op, (service = { kind: 'exponential', mean: this.config.serviceMs[op] ?? this.config.serviceMs.default }));
    return service;
  }

  /** The hour starting at `hourStart`: its utilisation and mean number waiting, once it is over (ServerBooks.hour). */
  hour(hourStart: number): { utilisation: number; queueLength: number } { return this.books.hour(hourStart); }

  /** The servers as a queue over the hours read (ServerBooks.figures). */
  figures(periodMs: number, peakHourUtilisation: number): QueueFigures { return this.books.figures(periodMs, peakHourUtilisation); }
}
