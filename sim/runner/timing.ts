import type { Call } from '../applicant';
import { HourlyThroughput, type ApplicationServers } from '../capacity';
import { backendProblemCode } from '../../stub-server/portal';
import type { Simulation } from '../engine';
import type { Scenario } from '../scenario';
import type { QueueFigures } from '../queueing';
import type { PortalClient, StepCalls } from '../clients';
import type { Rng } from '../random';
import { StepClient, type CallStreams, type StepClock } from './step-client';

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
  /**
   * A step of `op` begins at `at`: a refusal before the portal is called at all (a modelled
   * backend that is full this hour), or null.
   */
  begin(op: string, at: number, stream: Rng): { code: string; latencyMs: number } | null;
  /**
   * The client a step begun at `at` calls through (in virtual time, the modelled servers, which
   * draw its calls' service times from the applicant's own `streams`, as the portal draws what it
   * draws for them; `order` places its later calls among other events of the same instant,
   * Simulation.schedule).
   */
  step(client: PortalClient, at: number, streams: CallStreams, order: number): StepCalls;
  /**
   * Observes a step's calls, made from `start`, and says how long after the step's answer
   * arrived (virtual ms) the applicant sees it, and whether it timed out.
   */
  settle(calls: readonly Call[], start: number, observe: ObserveCall): Settled;
  /** The application servers' utilisation and mean queue in the hour from `hourStart`, when modelled; read once, as the hour ends. */
  hour?(hourStart: number): { utilisation: number; queueLength: number };
  /** The application servers as a queue over the hours read (`periodMs` long), when modelled. */
  queue?(periodMs: number, peakHourUtilisation: number): QueueFigures;
  /** Requests, gateway timeouts; and, when modelled, requests refused at a full backlog. */
  readonly stats: { requests: number; timeouts: number; busy?: number };
}

/** A backend the portal reaches for one operation, with its hourly throughput and the problem code it fails with. */
export interface ModelledBackend { op: string; throughput: HourlyThroughput; code: string }

/** The scenario's backends, the SMS gateway and the public-security registry: the operation that reaches each, and its uses an hour. */
export const backendsOf = (capacity: Scenario['capacity']) => [
  { op: 'requestSmsCode', what: 'the SMS gateway', perHour: capacity.smsGateway.perHour, code: backendProblemCode('smsGateway') },
  { op: 'verifyRealName', what: 'the registry', perHour: capacity.registry.perHour, code: backendProblemCode('registry') },
];

/** The scenario's backends, each with the hourly throughput `throughput` makes of its capacity (a shard's: sim/shards). */
export function modelledBackends(capacity: Scenario['capacity'], throughput: (perHour: number, what: string) => HourlyThroughput = (perHour) => new HourlyThroughput(perHour)): ModelledBackend[] {
  return backendsOf(capacity).map(({ op, what, perHour, code }) => ({ op, throughput: throughput(perHour, what), code }));
}

/** A step's clock on the simulation (StepClock). */
export const stepClockOf = (sim: Simulation): StepClock => ({ now: () => sim.now(), at: (time, then, order) => { sim.scheduleAt(time, then, order); }, advanceTo: (time) => sim.advanceTo(time) });

/**
 * The capacity model of sim/capacity: the application servers' queue (each call admitted when
 * it is made, StepClient) and the backends' throughput.
 */
export class ModelledTiming implements PortalTiming {
  private readonly backends: ReadonlyMap<string, ModelledBackend>;
  constructor(private readonly servers: ApplicationServers, backends: readonly ModelledBackend[], private readonly clock: StepClock) {
    this.backends = new Map(backends.map((b) => [b.op, b]));
  }

  get stats() { return this.servers.stats; }

  hour(hourStart: number): { utilisation: number; queueLength: number } { return this.servers.hour(hourStart); }

  queue(periodMs: number, peakHourUtilisation: number): QueueFigures { return this.servers.figures(periodMs, peakHourUtilisation); }

  step(client: PortalClient, at: number, streams: CallStreams, order: number): StepCalls {
    return new StepClient(client, this.servers, this.clock, at, streams, order);
  }

  begin(op: string, at: number, stream: Rng): { code: string; latencyMs: number } | null {
    const backend = this.backends.get(op);
    if (!backend || backend.throughput.hasRoom(at)) return null;
    // The front end answers for the backend: a server's time, or a full backlog's refusal.
    return { code: backend.code, latencyMs: this.servers.admit(op, at, stream).latencyMs };
  }

  settle(calls: readonly Call[], start: number, observe: ObserveCall): Settled {
    let elapsed = 0;
    let timedOut = false;
    let slowestMs = 0;
    for (const call of calls) {
      const latencyMs = call.answer.latencyMs ?? 0;
      const at = call.answer.sentAt ?? start + elapsed;
      observe(call, latencyMs, at);
      // A 200 reached the backend (a code sent, a registry check made, passed or not).
      if (call.answer.status === 200) this.backends.get(call.op)?.throughput.useOne(at);
      elapsed += latencyMs;
      timedOut ||= call.answer.status === 504;
      slowestMs = Math.max(slowestMs, latencyMs);
    }
    return { elapsed, timedOut, slowestMs };
  }
}
