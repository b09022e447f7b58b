import { localHour, localMidnight, mergeOverrides, resolveRules, type RulesOverride } from '../../rules';
import type { Scenario } from '../scenario';
import type { MaybePromise } from '../../stub-server/portal';
import { Simulation, VirtualClock } from '../engine';
import { RandomStreams } from '../random';
import { BackOffice } from './back-office';
import { inProcessTransport } from './in-process';
import { JourneyDriver } from './journey-driver';
import type { Report } from './report';
import { runReport, sampleHourEnds } from './run-report';
import { RunMetrics } from './run-metrics';
import { admitApplicants } from './admit-applicants';
import type { TransportFactory } from './transport';
import { WorkTracker } from './work';
import { deskPlaces, seedInstitutions } from './world';

/** The simulator's own rule layer: a cheap password hash (a cost, not a portal behaviour). */
export const SIMULATION_RULES: RulesOverride = { account: { scryptCost: 2 } };

/** See RunOptions.liveActorLimit. */
export const LIVE_ACTOR_LIMIT = 10_000;

export interface RunOptions {
  seed?: number;
  applicants?: number;
  /** A rule change (e.g. a --rules file) layered over the scenario's own rules. */
  rules?: RulesOverride;
  /** How the run reaches the portal: in this process in virtual time (default), or over HTTP (sim/http-run). */
  transport?: TransportFactory;
  /** Called now and then with where the run is (virtual time, applicants, events). */
  onProgress?: (progress: RunProgress) => void;
  /** Measure the wall time inside XState (benchmarks). */
  timed?: boolean;
  /**
   * Applicants waiting days keep their live actor while fewer than this many actors are live;
   * past it, they sleep as stopped actors' snapshots until the wait ends (JourneyDriver.sleep).
   * Either way, the same report. Sleeping and waking cost a run of 10,000 about a tenth of its
   * CPU time; but at 200,000, keeping up to 100,000 awake saved no time and cost 460 MB more RSS
   * (docs/scaling.md). Default 10,000: runs of tens of thousands never sleep, large ones as before.
   */
  liveActorLimit?: number;
  /**
   * Stops the run early (Ctrl-C on a long run): the report then covers the run until the
   * moment it stopped, says so in `interrupted`, and counts those still going as unfinished.
   */
  signal?: AbortSignal;
}

export interface RunProgress {
  now: number; end: number; arrived: number; finished: number; active: number;
  /** Of the active, those waiting days with their actor stopped (its snapshot kept), not live (JourneyDriver.sleep). */
  asleep: number;
  events: number;
}

export interface RunResult { report: Report; events: number; xstateMs: number }


/** The simulation's rules for a scenario: the simulator's layer, the scenario's, then a rule change. */
export const scenarioRules = (scenario: Scenario, change?: RulesOverride) =>
  resolveRules(mergeOverrides(SIMULATION_RULES, scenario.rules, change), `scenario ${scenario.name}`);

/** The virtual period a scenario covers: from the first window's opening to the end of its follow-up. */
export function scenarioPeriod(scenario: Scenario, utcOffsetMinutes: number): { from: string; start: number; end: number } {
  const from = scenario.provinces.map((p) => p.window.from).sort()[0]!;
  const lastDay = scenario.provinces.map((p) => p.window.to).sort().at(-1)!;
  return { from, start: localMidnight(from, utcOffsetMinutes), end: localMidnight(lastDay, utcOffsetMinutes) + (scenario.followUpDays + 1) * 86_400_000 };
}

/**
 * Runs a scenario: arrivals per province, each applicant an actor of the journey machine
 * against the portal, the back office on its working days. In virtual time in this process
 * by default: same scenario, seed and rules, same report.
 */
export async function runScenario(scenario: Scenario, options: RunOptions = {}): Promise<RunResult> {
  const seed = options.seed ?? scenario.seed;
  const applicants = options.applicants ?? scenario.applicants;
  const rules = scenarioRules(scenario, options.rules);
  const offset = rules.time.utcOffsetMinutes;
  const streams = new RandomStreams(seed);
  const { from, start, end } = scenarioPeriod(scenario, offset);

  const sim = new Simulation(start);
  const clock = new VirtualClock(sim);
  const transport = await (options.transport ?? inProcessTransport)({ sim, clock, rules, streams, scenario });
  const { client, resume } = transport;
  const work = new WorkTracker();
  const track = (p: MaybePromise<unknown>) => work.track(p);

  let driver: JourneyDriver | undefined;
  let backOffice: BackOffice | undefined;
  const metrics = new RunMetrics(
    (ms) => localHour(ms, offset),
    () => ({
      active: driver?.active ?? 0,
      reviewBacklog: backOffice?.reviews.backlog ?? 0,
      confirmationBacklog: backOffice?.confirmation.backlog ?? 0,
      approvalBacklog: backOffice?.approval.backlog ?? 0,
    }),
  );
  backOffice = new BackOffice({ places: deskPlaces(scenario.provinces), sim, client, rules, config: scenario.backOffice, rng: streams.stream('backOffice'), metrics, track, resume });
  const office = backOffice;
  driver = new JourneyDriver({
    sim, clock, client, timing: transport.timing, rules, track, resume, timed: options.timed,
    liveActorLimit: options.liveActorLimit ?? LIVE_ACTOR_LIMIT,
    observer: {
      milestone: (name, now) => metrics.milestone(name, now),
      finished: (state, context, record) => {
        metrics.finished(state, context);
        transport.forget(record.idNumber);
      },
      inSession: (count, entered) => { if (entered) metrics.series.observeInSession(count); },
      refused: (code) => metrics.refusals.add(code),
      call: (call, latencyMs, at, { session, backOffice }, retry) => {
        metrics.call(call, latencyMs, at, retry);
        if (call.op === 'submitManualReview' && call.answer.status === 201) office.reviews.submit(call.answer.body.reviewId, backOffice);
        if (call.op === 'getApplicationForm' && call.answer.status === 200 && session.applicationNumber && session.choice) {
          office.toConfirmation(session.applicationNumber, session.choice.confirmationPointId, session.choice.institutionId, backOffice);
        }
      },
    },
  });
  const journeys = driver;
  let stoppedAt: number | undefined;

  try {
    await seedInstitutions(client, scenario.provinces);
    if (scenario.faults) {
      const set = await client.admin('setFaults', scenario.faults);
      if (set.status !== 200) throw new Error(`scenario ${scenario.name}: faults refused: ${set.body?.detail ?? set.status}`);
    }
    let arrived = 0;
    admitApplicants({
      scenario, applicants, rules, streams, from, sim, client, journeys, track, resume,
      arrived: (now) => { arrived += 1; metrics.arrived(now); },
      // Only a start adds an applicant in progress: the peak is exact.
      started: () => metrics.series.observeActive(journeys.active),
    });

    sampleHourEnds(sim, start, end, metrics, transport.timing);

    const progress = (now: number) => options.onProgress?.({ now, end, arrived, finished: arrived - journeys.active, active: journeys.active, asleep: journeys.asleep, events: sim.eventCount });
    await transport.drive({ sim, end, work, signal: options.signal, tick: () => progress(sim.now()) });
    // Stopped with events still to come: the run covers its period until now.
    if (options.signal?.aborted && sim.peek() <= end) stoppedAt = sim.now();
    progress(stoppedAt ?? end);
  } finally {
    await transport.close();
  }
  metrics.outcomes.add('unfinished', journeys.active);
  const report = runReport({ scenario, seed, applicants, rules, change: options.rules, start, until: stoppedAt ?? end, interrupted: stoppedAt !== undefined, metrics, servers: transport.timing, office, transport: transport.report() });
  return { report, events: sim.eventCount, xstateMs: journeys.xstateMs };
}
