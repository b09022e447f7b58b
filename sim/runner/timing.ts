import type { Call } from '../applicant';
import type { ApplicationServers, HourlyThroughput } from '../capacity';

/** When a step's answer reaches the applicant (ms after its start), whether it timed out, and its slowest page. */
export interface Settled { elapsed: number; timedOut: boolean; slowestMs: number }

/** A call as the run counts it: when it was made and how long its answer took. */
export type ObserveCall = (call: Call, latencyMs: number, at: number) => void;

/**
 * How long the portal's answers take, and when they reach the applicant. In virtual time the
 * capacity model decides (ModelledTiming); over HTTP the real server did, and each call
 * carries the latency measured on the wire (MeasuredTiming in sim/http-run).
 */
export interface PortalTiming {
  /** A refusal before the portal is called at all (a modelled backend that is full this hour), or null. */
  refuse(op: string, at: number): { code: string; latencyMs: number } | null;
  /**
   * Observes a step's calls, made from `start`, and says how long after the step's answer
   * arrived (virtual ms) the applicant sees it, and whether it timed out.
   */
  settle(calls: readonly Call[], start: number, observe: ObserveCall): Settled;
  readonly stats: { requests: number; timeouts: number; busyMs: number };
}

/** A backend the portal reaches for one operation, with its hourly throughput and the problem code it fails with. */
export interface ModelledBackend { op: string; throughput: HourlyThroughput; code: string }

/** The capacity model of sim/capacity: the application servers' queue and the backends' throughput. */
export class ModelledTiming implements PortalTiming {
  private readonly backends: ReadonlyMap<string, ModelledBackend>;

  constructor(private readonly servers: ApplicationServers, backends: readonly ModelledBackend[]) {
    this.backends = new Map(backends.map((b) => [b.op, b]));
  }

  get stats() { return this.servers.stats; }

  refuse(op: string, at: number): { code: string; latencyMs: number } | null {
    const backend = this.backends.get(op);
    if (!backend || backend.throughput.hasRoom(at)) return null;
    return { code: backend.code, latencyMs: this.servers.admit(op, at).latencyMs };
  }

  settle(calls: readonly Call[], start: number, observe: ObserveCall): Settled {
    let elapsed = 0;
    let timedOut = false;
    let slowestMs = 0;
    for (const call of calls) {
      const admitted = this.servers.admit(call.op, start + elapsed);
      // An injected delay (a slow operation or backend) waits on a timer, not on a server: it adds to the answer, not to the queue.
      const latencyMs = admitted.latencyMs + (call.answer.injectedDelayMs ?? 0);
      observe(call, latencyMs, start + elapsed);
      // A 200 reached the backend (a code sent, a registry check made, passed or not).
      if (call.answer.status === 200) this.backends.get(call.op)?.throughput.useOne(start + elapsed);
      elapsed += latencyMs;
      timedOut ||= admitted.timedOut;
      slowestMs = Math.max(slowestMs, latencyMs);
    }
    return { elapsed, timedOut, slowestMs };
  }
}
