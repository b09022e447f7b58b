/**
 * `npm run bench`: the simulator's speed on `peak-opening`, in one run: applicants/s,
 * events/s, peak RSS, and the share of wall time spent inside XState (making, starting, feeding
 * and stopping actors; the driver's work in the machine's actions left out) against the rest
 * (harness: engine, portal domain, performer, metrics, the machine's actions).
 * Then the machines alone: the same applicants' events replayed into bare actors
 * (machines-alone.ts), one journey after another, the floor no harness can go below, and in
 * the run's order, thousands of actors in progress at once as in the run; and into the journey
 * flattened two levels deep (flat-journey.ts), what a shallower machine would save, and into a
 * flat ring of 63 states (floor-machine.ts), XState's cheapest event on this machine today, as
 * a yardstick.
 * Of the harness, the time inside the portal's domain (Portal.invoke and Portal.seed up to
 * their answer: validation, rules, records) is measured too, and so are the garbage
 * collector's pauses. Peak RSS includes the recorded events (about
 * 17 per applicant); `jszg-sim run`'s run.json has a run's own.
 * The measured run comes second: a first run, the same scenario and seed, warms the process up
 * (modules loaded, V8's compiler done with the hot code) and records the journeys the replays
 * take (the same seed makes the same run), so that the run and the machines alone are compared
 * in the same steady state, as a thread of `compare` or `plan` runs after its first, and the
 * measured run carries no recording. That first run's own cost is given too (`coldRun`).
 * Env: BENCH_APPLICANTS (default 20,000), BENCH_SCENARIO (default peak-opening),
 * BENCH_LIVE_ACTOR_LIMIT (default the run's: 0 puts every waiting applicant to sleep),
 * BENCH_WARM_UP (default 1; 0 measures the first run of the process, as before 2026-12-05).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { scenarioByName } from '../../scenarios';
import { LIVE_ACTOR_LIMIT, runScenario, type RunResult } from '../../sim/runner';
import { Portal } from '../../stub-server/portal';
import { machine } from '../shared/machine';
import { median } from '../shared/median';
import { progress } from '../shared/progress';
import { flatJourney } from './flat-journey';
import { floorUsPerEvent } from './floor-machine';
import { recordJourneys, replayJourneys } from './machines-alone';

const name = process.env.BENCH_SCENARIO ?? 'peak-opening';
const applicants = Number(process.env.BENCH_APPLICANTS ?? 20_000);
const liveActorLimit = process.env.BENCH_LIVE_ACTOR_LIMIT === undefined ? undefined : Number(process.env.BENCH_LIVE_ACTOR_LIMIT);
const warmUp = process.env.BENCH_WARM_UP !== '0';

let run: RunResult | undefined;
let wallMs = 0;
let portalMs = 0;
/** Portal calls and their time, by operation: which calls a leaner applicant model would save. */
const byOperation = new Map<string, { calls: number; ms: number }>();
// Every way into the portal's domain: its operations (invoke) and the simulator's trusted seeds
// (seed). The synchronous part of each call: operations that await a password hash finish later, uncounted.
const originals = { invoke: Portal.prototype.invoke, seed: Portal.prototype.seed };
for (const method of ['invoke', 'seed'] as const) {
  const original = originals[method] as (this: Portal, operationId: string, ...rest: unknown[]) => unknown;
  Portal.prototype[method] = function (this: Portal, operationId: string, ...rest: unknown[]) {
    const started = performance.now();
    try {
      return original.call(this, operationId, ...rest);
    } finally {
      const ms = performance.now() - started;
      portalMs += ms;
      const op = byOperation.get(operationId) ?? { calls: 0, ms: 0 };
      byOperation.set(operationId, op);
      op.calls += 1;
      op.ms += ms;
    }
  } as never;
}
let runStarted = 0;
/** The measured run: timed inside XState and the portal (the counters above), with a bar. */
async function measuredRun(): Promise<void> {
  runStarted = performance.now();
  const bar = progress(name, applicants, 'applicants');
  run = await runScenario(scenarioByName(name), { applicants, liveActorLimit, timed: true, onProgress: (p) => bar.update(p.arrived) });
  bar.stop();
  wallMs = performance.now() - runStarted;
}
// Garbage-collection pauses on the main thread, kept to those inside the measured run.
const collections: PerformanceEntry[] = [];
const gcObserver = new PerformanceObserver((list) => { collections.push(...list.getEntries()); });
gcObserver.observe({ entryTypes: ['gc'] });
// The first run records the journeys. With a warm-up it is not the measured one: the same
// scenario and seed make the same run, so its journeys are the second's, which records nothing.
const journeys = await recordJourneys(measuredRun);
let coldMs: number | undefined;
if (warmUp) {
  coldMs = wallMs;
  const recorded = JSON.stringify(run!.report);
  portalMs = 0;
  byOperation.clear();
  await measuredRun();
  if (JSON.stringify(run!.report) !== recorded) throw new Error('the measured run is not the recorded one: the same seed gave another report');
}
await new Promise((resolve) => setImmediate(resolve)); // the observer's last entries
gcObserver.disconnect();
const gcMs = collections.filter((e) => e.startTime >= runStarted && e.startTime <= runStarted + wallMs).reduce((sum, e) => sum + e.duration, 0);
Object.assign(Portal.prototype, originals);
const { report, events, xstateMs } = run!;
// The journeys replayed three times each into the journey machine, one after another and in the
// run's order, and into it flattened (flat-journey.ts), in turn, so all see the same load: the
// median of each is reported.
const flat = flatJourney();
const replays = [0, 1, 2].map(() => ({ nested: replayJourneys(journeys), inRunOrder: replayJourneys(journeys, { order: 'run' }), flat: replayJourneys(journeys, { logic: flat }) }));
/** The replay of median wall time of the three. */
const middle = <T extends { ms: number }>(runs: T[]): T => [...runs].sort((a, b) => a.ms - b.ms)[1]!;
const alone = middle(replays.map((r) => r.nested));
const flattened = middle(replays.map((r) => r.flat));
const inRunOrder = middle(replays.map((r) => r.inRunOrder));
const machineEventsPerApplicant = alone.events / Math.max(1, journeys.length);
// The yardstick, as many actors and events as the run's journeys, also the median of three.
const floorUs = median([0, 1, 2].map(() => floorUsPerEvent(journeys.length, Math.round(machineEventsPerApplicant))));
const sameEnds = alone.ends.filter((end, i) => end === flattened.ends[i]).length;
const arrived = report.funnel.arrived;
const perApplicantUs = (ms: number) => Math.round((ms * 1000) / Math.max(1, arrived));
const result = {
  machine: machine(),
  scenario: name,
  applicants: arrived,
  liveActorLimit: liveActorLimit ?? LIVE_ACTOR_LIMIT,
  /** The process's first run, the same as the measured one but recording its journeys: what a run costs cold. */
  ...(coldMs !== undefined ? { coldRun: { wallSeconds: Number((coldMs / 1000).toFixed(2)), perApplicantUs: perApplicantUs(coldMs) } } : {}),
  wallSeconds: Number((wallMs / 1000).toFixed(2)),
  applicantsPerSecond: Math.round(arrived / (wallMs / 1000)),
  eventsPerSecond: Math.round(events / (wallMs / 1000)),
  events,
  /** The simulation's events (portal answers, pages, waits, arrivals, back office) per applicant. */
  eventsPerApplicant: Number((events / Math.max(1, arrived)).toFixed(1)),
  /** Wall µs per simulation event. */
  usPerEvent: Number(((wallMs * 1000) / Math.max(1, events)).toFixed(2)),
  peakRssMB: Math.round((process.resourceUsage().maxRSS * 1024) / 2 ** 20),
  xstateShare: Number((xstateMs / wallMs).toFixed(3)),
  harnessShare: Number((1 - xstateMs / wallMs).toFixed(3)),
  /** Of the harness, inside the portal's domain. */
  portalShare: Number((portalMs / wallMs).toFixed(3)),
  /** Garbage-collection pauses (inside either share). */
  gcShare: Number((gcMs / wallMs).toFixed(3)),
  perApplicantUs: {
    run: perApplicantUs(wallMs), insideXState: perApplicantUs(xstateMs), harness: perApplicantUs(wallMs - xstateMs),
    insidePortal: perApplicantUs(portalMs), restOfHarness: perApplicantUs(wallMs - xstateMs - portalMs),
  },
  /** The portal's costliest operations: calls and µs of the portal's domain, per applicant. */
  portalByOperation: Object.fromEntries([...byOperation].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12).map(([op, { calls, ms }]) =>
    [op, { callsPerApplicant: Number((calls / Math.max(1, arrived)).toFixed(2)), usPerApplicant: perApplicantUs(ms) }])),
  machinesAlone: {
    journeys: journeys.length,
    machineEventsPerApplicant: Number(machineEventsPerApplicant.toFixed(1)),
    seconds: Number((alone.ms / 1000).toFixed(2)),
    perApplicantUs: perApplicantUs(alone.ms),
    usPerEvent: Number(((alone.ms * 1000) / Math.max(1, alone.events)).toFixed(2)),
    /** A flat ring of 63 states, no guards (floor-machine.ts), in this process: XState's cheapest event here. */
    floorUsPerEvent: Number(floorUs.toFixed(2)),
    /** The harness (the run outside XState) over the machines alone: Speed I aims at most 3. */
    harnessOverMachines: Number(((wallMs - xstateMs) / alone.ms).toFixed(2)),
    /**
     * The same events in the run's order: every applicant in progress holds a live actor at once,
     * as in the run, so snapshots outlive the young generation and leave the cache. What the
     * machines cost in a run, not on their own; the harness measured over it besides.
     */
    inRunOrder: {
      perApplicantUs: perApplicantUs(inRunOrder.ms),
      usPerEvent: Number(((inRunOrder.ms * 1000) / Math.max(1, inRunOrder.events)).toFixed(2)),
      overOneByOne: Number((inRunOrder.ms / alone.ms).toFixed(2)),
      harnessOverMachines: Number(((wallMs - xstateMs) / inRunOrder.ms).toFixed(2)),
      sameEnds: `${inRunOrder.ends.filter((end, i) => end === alone.ends[i]).length}/${journeys.length}`,
    },
    /** The same journeys on the machine flattened two levels deep: what a shallower machine would save. */
    flattened: {
      perApplicantUs: perApplicantUs(flattened.ms),
      overNested: Number((flattened.ms / alone.ms).toFixed(2)),
      /** Journeys that ended the same way on both (all, if the flattening is faithful). */
      sameEnds: `${sameEnds}/${journeys.length}`,
    },
  },
};
console.log(JSON.stringify(result, null, 2));
mkdirSync('out/bench', { recursive: true });
writeFileSync('out/bench/sim.json', `${JSON.stringify(result, null, 2)}\n`);
