import type { Distribution } from '../../machines';

export interface ServersConfig {
  /** Application servers (c): each serves one request at a time. */
  servers: number;
  /** Mean service time of an operation, ms; `default` for the rest. */
  serviceMs: Record<string, number> & { default: number };
  /** An answer later than this is a timeout for the applicant (the request still ran). */
  timeoutMs: number;
}

/**
 * The portal's application servers as an FCFS pool of c servers: each request takes the
 * server that frees first, waits for it, and is served for an exponential time with the
 * operation's mean. Requests are admitted when they happen in virtual time, so the pool only
 * computes when each answer arrives: no events of its own. The latency distribution of the
 * service time is exponential (M/M/c when arrivals are Poisson).
 */
export class ApplicationServers {
  private readonly freeAt: Float64Array;
  readonly stats = { requests: 0, timeouts: 0, busyMs: 0 };

  constructor(private readonly config: ServersConfig, private readonly draw: (d: Distribution) => number) {
    this.freeAt = new Float64Array(config.servers);
  }

  /** Admits a request of `op` at `now`; returns its latency (wait + service) in ms. */
  admit(op: string, now: number): { latencyMs: number; timedOut: boolean } {
    let k = 0;
    for (let i = 1; i < this.freeAt.length; i += 1) if (this.freeAt[i]! < this.freeAt[k]!) k = i;
    const start = Math.max(now, this.freeAt[k]!);
    const service = this.draw({ kind: 'exponential', mean: this.config.serviceMs[op] ?? this.config.serviceMs.default });
    this.freeAt[k] = start + service;
    const latencyMs = start + service - now;
    const timedOut = latencyMs > this.config.timeoutMs;
    this.stats.requests += 1;
    this.stats.busyMs += service;
    if (timedOut) this.stats.timeouts += 1;
    return { latencyMs, timedOut };
  }
}
