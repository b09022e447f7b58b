import type { Rules } from '../../rules';
import type { Scenario } from '../scenario';
import type { PortalClient } from '../clients';
import type { Simulation, VirtualClock } from '../engine';
import type { RandomStreams } from '../random';
import type { PortalTiming } from './timing';
import type { WorkTracker } from './work';

/** What a transport is given: the run's simulation, clock, rules and random streams. */
export interface TransportSetup { sim: Simulation; clock: VirtualClock; rules: Rules; streams: RandomStreams; scenario: Scenario }

/** What a run over a real transport adds to report.json (docs/report-schema.md). */
export interface TransportReport {
  kind: 'http';
  /** The server's URL, or "stub started by the run". */
  target: string;
  /** One real second was this many simulated seconds. */
  timeScale: number;
  /** The rules the server ran, when the run started it; "the target's own" otherwise. */
  rulesHash: string;
  /** How far past the scenario's start the server's clock already was (its earlier arrivals came at once). */
  lateStartHours: number;
  /** Every call on the wire: answers by status and problem code, failures to connect, timeouts. */
  wire: { requests: number; connectionErrors: number; timeouts: number; byStatus: Record<string, number>; byCode: Record<string, number> };
  /** How late events ran behind the server's clock (real ms): past a few ms, the generator itself was the bottleneck. */
  generatorLagMs: { max: number; mean: number };
  /** Present when the run ended early: the server's time then, why, and the server's last words. */
  aborted?: { at: string; reason: string; lastError: string; serverStderr: string };
}

/**
 * How a run reaches the portal and how its time goes: in this process in virtual time
 * (inProcessTransport), or over real HTTP against a server on a scaled clock (sim/http-run).
 * Everything else of a run (applicants, arrivals, back office, metrics) is the same.
 */
export interface Transport {
  readonly client: PortalClient;
  readonly timing: PortalTiming;
  /**
   * Runs what follows a portal answer at the instant the answer arrived. In virtual time
   * that is the instant the call was made (the run waits for it); over HTTP it is later.
   */
  resume(then: () => void): void;
  /**
   * Steps the simulation's events up to `end` as this transport's time goes; `tick` now and
   * then. Stops early, between two events, once `signal` is aborted.
   */
  drive(args: { sim: Simulation; end: number; work: WorkTracker; tick: () => void; signal?: AbortSignal }): Promise<void>;
  /**
   * An applicant's journey is over: the portal may drop what it holds of them once nothing of
   * theirs is pending (in this process, so memory follows the applicants still going). A
   * server over HTTP keeps everything, for inspection after the run.
   */
  forget(idNumber: string): void;
  /** What only this transport knows (errors on the wire, an aborted run), or nothing. */
  report(): TransportReport | undefined;
  close(): Promise<void>;
}

export type TransportFactory = (setup: TransportSetup) => Promise<Transport>;
