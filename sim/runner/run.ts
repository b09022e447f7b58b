import { localDate, localMidnight, mergeOverrides, resolveRules, rulesHash, type RulesOverride } from '../../rules';
import type { Scenario } from '../../scenarios/types';
import { Portal, type PortalRandom } from '../../stub-server/portal';
import { createMemoryStore } from '../../stub-server/store';
import { arrivalPieces } from './pieces';
import { windowArrivals } from '../arrivals';
import { InProcessClient } from '../clients';
import { ApplicationServers, SmsGateway } from '../capacity';
import { Simulation, VirtualClock } from '../engine';
import { createPopulation } from '../population';
import { RandomStreams, sample, type Rng } from '../random';
import { BackOffice } from './back-office';
import { JourneyDriver } from './journey-driver';
import { buildReport, type Report } from './report';
import { RunMetrics } from './run-metrics';
import { WorkTracker } from './work';
import { seedApplicant, seedInstitutions } from './world';

/** The simulator's own rule layer: a cheap password hash (a cost, not a portal behaviour). */
export const SIMULATION_RULES: RulesOverride = { account: { scryptCost: 2 } };

export interface RunOptions {
  seed?: number;
  applicants?: number;
  /** A rule change (e.g. a --rules file) layered over the scenario's own rules. */
  rules?: RulesOverride;
  /** Called now and then with where the run is (virtual time, applicants, events). */
  onProgress?: (progress: RunProgress) => void;
  /** Measure the wall time inside XState (benchmarks). */
  timed?: boolean;
}

export interface RunProgress { now: number; end: number; arrived: number; finished: number; active: number; events: number }

export interface RunResult { report: Report; events: number; xstateMs: number }

/** A seeded source for the portal's own draws (codes, tokens, captcha), so runs repeat. */
const portalRandom = (rng: Rng): PortalRandom => ({
  int: (max) => rng.int(max),
  token: () => Array.from({ length: 4 }, () => rng.int(2 ** 30).toString(36).padStart(6, '0')).join(''),
});

/**
 * Runs a scenario in virtual time, in this process: arrivals per province, each applicant an
 * actor of the journey machine against the portal's domain, the back office on its working
 * days, the application servers as a queue. Same scenario, seed and rules: same report.
 */
export async function runScenario(scenario: Scenario, options: RunOptions = {}): Promise<RunResult> {
  const seed = options.seed ?? scenario.seed;
  const applicants = options.applicants ?? scenario.applicants;
  const rules = resolveRules(mergeOverrides(SIMULATION_RULES, scenario.rules, options.rules), `scenario ${scenario.name}`);
  const offset = rules.time.utcOffsetMinutes;
  const streams = new RandomStreams(seed);

  const from = scenario.provinces.map((p) => p.window.from).sort()[0]!;
  const lastDay = scenario.provinces.map((p) => p.window.to).sort().at(-1)!;
  const start = localMidnight(from, offset);
  const end = localMidnight(lastDay, offset) + (scenario.followUpDays + 1) * 86_400_000;

  const sim = new Simulation(start);
  const clock = new VirtualClock(sim);
  const portal = new Portal({ rules, clock, store: createMemoryStore(), random: portalRandom(streams.stream('portal')) });
  const client = new InProcessClient(portal);
  const work = new WorkTracker();
  const track = (p: Promise<unknown>) => work.track(p);
  const serverRng = streams.stream('portal').fork('servers');
  const servers = new ApplicationServers(scenario.capacity.servers, (d) => sample(d, serverRng));

  let driver: JourneyDriver | undefined;
  let backOffice: BackOffice | undefined;
  const metrics = new RunMetrics(
    (ms) => `${localDate(ms, offset)}T${String(new Date(ms + offset * 60_000).getUTCHours()).padStart(2, '0')}:00+08:00`,
    () => ({ active: driver?.active ?? 0, reviewBacklog: backOffice?.reviews.backlog ?? 0 }),
  );
  backOffice = new BackOffice({ sim, client, rules, config: scenario.backOffice, rng: streams.stream('backOffice'), metrics, track });
  const office = backOffice;
  driver = new JourneyDriver({
    sim, clock, client, servers, rules, track, timed: options.timed,
    smsGateway: new SmsGateway(scenario.capacity.smsGateway.perHour),
    observer: {
      milestone: (name, now) => metrics.milestone(name, now),
      finished: (state, context) => metrics.finished(state, context),
      refused: (code) => metrics.refusals.add(code),
      call: (call, latencyMs, at, session) => {
        metrics.call(call, latencyMs, at);
        if (call.op === 'submitManualReview' && call.answer.status === 201) office.reviews.submit(call.answer.body.reviewId);
        if (call.op === 'getApplicationForm' && call.answer.status === 200 && session.applicationNumber && session.choice) {
          office.toConfirmation(session.applicationNumber, session.choice.confirmationPointId, session.choice.institutionId);
        }
      },
    },
  });
  const journeys = driver;

  await seedInstitutions(portal, scenario.provinces);
  if (scenario.faults) {
    const set = await client.admin('setFaults', scenario.faults);
    if (set.status !== 200) throw new Error(`scenario ${scenario.name}: faults refused: ${set.body?.detail ?? set.status}`);
  }
  const population = createPopulation({
    rng: streams.stream('population'), size: applicants, staleRate: scenario.population.staleRate, rules,
    asOf: from, provinces: Object.fromEntries(scenario.provinces.map((p) => [p.code, p.share])),
    ...(scenario.population.persona ? { persona: scenario.population.persona } : {}),
  });
  const sizes = population.provinceSizes();
  const { arrivals } = windowArrivals(
    scenario.provinces.map((p) => ({ key: p.code, window: p.window, expected: sizes.get(p.code) ?? 0 })),
    { rng: streams.stream('arrivals'), rules, pieces: arrivalPieces(scenario.arrivals), exact: true },
  );
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
      const verifiedAccount = draws.chance(scenario.population.verifiedAccounts ?? 0.5);
      const ctidFixes = !draws.chance(scenario.population.ctidFailRate ?? 0.3);
      track(seedApplicant(portal, record, { verifiedAccount, ctidFixes, rules }).then(() => journeys.start(record, behaviour.fork(record.index))));
      metrics.series.observeActive(journeys.active);
      nextArrival();
    });
  };
  nextArrival();

  const progressEvery = 20_000;
  while (sim.peek() <= end) {
    sim.step();
    if (work.busy) await work.drain();
    if (sim.eventCount % progressEvery === 0) {
      metrics.series.observeActive(journeys.active);
      options.onProgress?.({ now: sim.now(), end, arrived, finished: arrived - journeys.active, active: journeys.active, events: sim.eventCount });
    }
  }
  options.onProgress?.({ now: end, end, arrived, finished: arrived - journeys.active, active: journeys.active, events: sim.eventCount });
  metrics.outcomes.add('unfinished', journeys.active);

  const hours = (end - start) / 3_600_000;
  const report = buildReport({
    scenario, seed, rulesHash: rulesHash(rules), applicants, period: { from, to: localDate(end - 1, offset) },
    inputs: { provinces: scenario.provinces, arrivals: scenario.arrivals, population: scenario.population, backOffice: scenario.backOffice, capacity: scenario.capacity },
    metrics,
    review: { meanBacklog: office.reviews.meanBacklog(start), hours },
    servers: { ...servers.stats, capacityMs: scenario.capacity.servers.servers * (end - start) },
  });
  return { report, events: sim.eventCount, xstateMs: journeys.xstateMs };
}
