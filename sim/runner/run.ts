import { iso, localDate, localHour, localMidnight, mergeOverrides, resolveRules, rulesHash, type RulesOverride } from '../../rules';
import type { Scenario } from '../../scenarios/types';
import { andThen, type MaybePromise } from '../../stub-server/portal';
import { Simulation, VirtualClock } from '../engine';
import type { QueueFigures } from '../queueing';
import { RandomStreams } from '../random';
import { BackOffice } from './back-office';
import { inProcessTransport } from './in-process';
import { JourneyDriver } from './journey-driver';
import { buildReport, type Report } from './report';
import { RunMetrics } from './run-metrics';
import { seasonArrivals } from './season-arrivals';
import type { TransportFactory } from './transport';
import { WorkTracker } from './work';
import { institutionsOf, seedApplicant, seedInstitutions } from './world';

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

const HOUR_MS = 3_600_000;
/** Over HTTP the servers were real: their queue was not seen. */
const noQueue: QueueFigures = { arrivals: 0, served: 0, utilisation: 0, peakHourUtilisation: 0, l: 0, lq: 0, wSeconds: 0, wqSeconds: 0, pWait: 0 };

/** The simulation's rules for a scenario: the simulator's layer, the scenario's, then a rule change. */
export const scenarioRules = (scenario: Scenario, change?: RulesOverride) =>
  resolveRules(mergeOverrides(SIMULATION_RULES, scenario.rules, change), `scenario ${scenario.name}`);
/** The portal's rules for a scenario, without the simulator's layer: what `serve` would run. */
const portalRules = (scenario: Scenario, change?: RulesOverride) =>
  resolveRules(mergeOverrides(scenario.rules, change), `scenario ${scenario.name}`);

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
  const institutions = institutionsOf(scenario.provinces);
  const places = { points: institutions.reduce((n, i) => n + i.confirmationPoints.length, 0), institutions: institutions.length };
  backOffice = new BackOffice({ places, sim, client, rules, config: scenario.backOffice, rng: streams.stream('backOffice'), metrics, track, resume });
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
      inSession: (count) => metrics.series.observeInSession(count),
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
    const { population, arrivals } = seasonArrivals(scenario, { applicants, rules, streams, from });
    const behaviour = streams.stream('behaviour');
    const accounts = streams.stream('population').fork('accounts');
    let arrived = 0;

    // One arrival pending at a time: a season of millions need not sit in the event queue.
    // Arrivals are exact: each province's applicants all come, on the curve's shape.
    const nextArrival = () => {
      const next = arrivals.next();
      if (next.done) return;
      const { at, source, seq } = next.value;
      sim.scheduleAt(Math.max(at, sim.now()), () => {
        const record = population.applicantAt(population.memberOf(source, seq));
        arrived += 1;
        metrics.arrived(sim.now());
        const draws = accounts.fork(record.index);
        const verifiedAccount = draws.chance(scenario.population.verifiedAccounts);
        const ctidFixes = !draws.chance(scenario.population.ctidFailRate);
        const rng = behaviour.fork(record.index);
        track(andThen(seedApplicant(client, record, { rules, seasonFrom: from }, { verifiedAccount, ctidFixes, draws }), () => resume(() => {
          journeys.start(record, rng);
          // Only a start adds an applicant in progress: the peak is exact.
          metrics.series.observeActive(journeys.active);
        })));
        nextArrival();
      });
    };
    nextArrival();

    // The hourly series' levels (applicants in progress, backlogs) as each hour ends.
    const sampleHourEnd = (at: number) => sim.scheduleAt(at, () => {
      metrics.series.endOfHour(at, transport.timing.hour?.(at + 1 - HOUR_MS));
      if (at + HOUR_MS <= end) sampleHourEnd(at + HOUR_MS);
    });
    sampleHourEnd(Math.floor(start / HOUR_MS) * HOUR_MS + HOUR_MS - 1);

    const progress = (now: number) => options.onProgress?.({ now, end, arrived, finished: arrived - journeys.active, active: journeys.active, asleep: journeys.asleep, events: sim.eventCount });
    await transport.drive({ sim, end, work, signal: options.signal, tick: () => progress(sim.now()) });
    // Stopped with events still to come: the run covers its period until now.
    if (options.signal?.aborted && sim.peek() <= end) stoppedAt = sim.now();
    progress(stoppedAt ?? end);
  } finally {
    await transport.close();
  }
  metrics.outcomes.add('unfinished', journeys.active);

  const until = stoppedAt ?? end;
  const periodMs = until - start;
  const timeseries = metrics.series.finish();
  const peakHour = timeseries.reduce((most, h) => Math.max(most, h.utilisation), 0);
  const report = buildReport({
    scenario, seed, rulesHash: rulesHash(rules), portalRulesHash: rulesHash(portalRules(scenario, options.rules)), applicants, period: { from, to: localDate(Math.max(start, until - 1), offset) },
    inputs: {
      applicants: scenario.applicants,
      provinces: scenario.provinces, arrivals: scenario.arrivals, population: scenario.population, backOffice: scenario.backOffice, capacity: scenario.capacity,
      ...(scenario.faults ? { faults: scenario.faults } : {}),
    },
    metrics,
    periodMs, timeseries,
    servers: transport.timing.stats,
    queues: { servers: transport.timing.queue?.(periodMs, peakHour) ?? noQueue, ...office.queues(until) },
    censoredWaits: office.censoredWaits(until),
    transport: transport.report(),
    ...(stoppedAt !== undefined ? { interrupted: { at: iso(stoppedAt, offset) } } : {}),
  });
  return { report, events: sim.eventCount, xstateMs: journeys.xstateMs };
}
