/**
 * `npm run bench:windows`: how a conservative, window-based parallel run (docs/parallel-runs.md)
 * would see a scenario. It runs the scenario on one thread, watched (watch.ts), records every
 * event's virtual time, and for lookaheads L of 1 to 60 s counts the windows [t, t + L) that hold
 * at least one event (empty ones can be skipped by jumping to the next event) and the events in
 * each. Each busy window costs one barrier between shards and coordinator, so events per busy
 * window is the parallel work a barrier buys. It also records every step's calls, and counts the
 * exchanges a coordinator admitting them to the shared application servers in time order would need
 * (admission-rounds.ts): a step's later calls are known only one exchange after the call before
 * them. From those and a measured barrier, it bounds what two to sixty-four shards could gain. And
 * it counts the windows where some call waited for a server or was refused at a full backlog: those
 * an optimistic run (each call assumed to find a server free) would have to redo. And, for server
 * budgets (server-budgets.ts) and shares of the backends' hourly throughput (backend-shares.ts),
 * the asks on 2 to 64 shards and the school calls that must meet the coordinator whatever the
 * capacity (school-calls.ts; application numbers need none, being keys only) and the daily desks'
 * rounds, with the bound they give. And the free and tight windows
 * of a run exact without undo (free-windows.ts): the share of its work that must go serially, and
 * where shards running apart on budgets of the same bound would have to meet (`meetings`). And
 * what every shard would spend drawing the whole arrival stream (`arrivalSeconds`).
 * The bounds take one core's work from a plain run of the scenario, made first as a fresh process
 * would make it; the watched run (watch.ts) is the same run, made second.
 * Env: WINDOWS_SCENARIO (peak-opening), WINDOWS_APPLICANTS (20,000), BARRIER_US (20), SPIN_BARRIER_US (1).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { scenarioByName } from '../../scenarios';
import { runScenario, scenarioPeriod, scenarioRules, seasonArrivals } from '../../sim/runner';
import { RandomStreams } from '../../sim/random';
import { admissionRounds } from './admission-rounds';
import { serverBudgetAsks } from './server-budgets';
import { backendShareAsks } from './backend-shares';
import { freeWindows } from './free-windows';
import { watchRuns } from './watch';
import { schoolMeetings } from './school-calls';
import { machine } from '../shared/machine';
import { progress } from '../shared/progress';

const name = process.env.WINDOWS_SCENARIO ?? 'peak-opening';
const applicants = Number(process.env.WINDOWS_APPLICANTS ?? 20_000);
const LOOKAHEADS_S = [1, 2, 5, 10, 30, 60];

/** Runs the scenario once, with a progress bar; its wall time in seconds. */
async function timedRun(label: string): Promise<number> {
  const bar = progress(`${name} (${label})`, applicants, 'applicants');
  const started = performance.now();
  await runScenario(scenarioByName(name), { applicants, onProgress: (p) => bar.update(p.arrived) });
  bar.stop();
  return (performance.now() - started) / 1000;
}

// The bounds divide one core's work: a plain run's wall time, not the watched run's (watching costs time of its own).
const wallSeconds = await timedRun('plain');
// Every shard of a run over many cores would draw the whole arrival stream and start only its own applicants.
const arrivalSeconds = (() => {
  const scenario = scenarioByName(name);
  const rules = scenarioRules(scenario);
  const started = performance.now();
  const { population, arrivals } = seasonArrivals(scenario, { applicants, rules, streams: new RandomStreams(scenario.seed), from: scenarioPeriod(scenario, rules.time.utcOffsetMinutes).from });
  let drawn = 0;
  for (const { source, seq } of arrivals) {
    population.memberOf(source, seq);
    drawn += 1;
  }
  if (drawn !== applicants) throw new Error(`drew ${drawn} arrivals of ${applicants}`);
  return Number(((performance.now() - started) / 1000).toFixed(2));
})();
const { times, steps, ordered, schoolCalls, deskRounds, queued, timedOut, served, backendUses } = watchRuns();
const watchedSeconds = await timedRun('watched');
// Application numbers are keys only (sim/runner/test/sequence-values.test.ts): a shard issues its
// own. Of the school calls, only searches before their school exists and adds meet (school-calls.ts).
// The back office meets the shards at each daily desks' round; a review's decision needs no
// meeting, being fixed by what was submitted before it (sim/back-office/test/known-ahead.test.ts).
const school = schoolMeetings(schoolCalls);
const meetings = school.meetings + deskRounds.size;

const windows = LOOKAHEADS_S.map((seconds) => {
  const ms = seconds * 1000;
  const windowsOf = (at: readonly number[]) => {
    let count = 0;
    let last = Number.NEGATIVE_INFINITY;
    for (const t of at) {
      const w = Math.floor(t / ms);
      if (w !== last) { count += 1; last = w; }
    }
    return count;
  };
  const busy = windowsOf(times);
  return {
    lookaheadSeconds: seconds, busyWindows: busy,
    eventsPerBusyWindow: Number((times.length / Math.max(1, busy)).toFixed(1)),
    /** A barrier's share of the run if one costs 20 µs (a round trip between worker threads). */
    barrierShareAt20us: Number(((busy * 20e-6) / wallSeconds).toFixed(3)),
    /** Busy windows in which some call did not find a server free. */
    windowsWithAQueuedCall: windowsOf(queued),
  };
});

// Exchanges to admit every call in time order; and, with a barrier of BARRIER_US (20 µs unless
// given: npm run bench:barrier measures it), the best a run on k shards could do if everything
// but the exchanges split perfectly: wall / (wall / k + rounds × barrier).
const barrierUs = Number(process.env.BARRIER_US ?? 20);
const spinUs = Number(process.env.SPIN_BARRIER_US ?? 1);
const SHARDS = [2, 4, 8, 16, 64];
// `serial`: the share of the work no shard can take from another (tight windows below).
const speedUpAtMost = (k: number, exchanges: number, us = barrierUs, serial = 0) =>
  Number((wallSeconds / (wallSeconds * (1 - serial) / k + wallSeconds * serial + exchanges * us * 1e-6)).toFixed(2));
const admissions = LOOKAHEADS_S.slice(0, 3).map((seconds) => {
  const { windows: busy, rounds, calls } = admissionRounds(steps, seconds * 1000);
  return {
    lookaheadSeconds: seconds, windows: busy, rounds, callsPerRound: Number((calls / rounds).toFixed(2)),
    speedUpAtMost: Object.fromEntries(SHARDS.map((k) => [k, speedUpAtMost(k, rounds)])),
  };
});
// Server budgets (server-budgets.ts) and shares of the backends' hourly throughput
// (backend-shares.ts): the calls that would have to ask the coordinator. A run on k shards with
// budgets and shares exchanges at every ask and at every meeting (school calls, desks' rounds): the bound as above.
const { capacity } = scenarioByName(name);
const servers = capacity.servers?.servers;
const perHour = { smsGateway: capacity.smsGateway.perHour, registry: capacity.registry.perHour };
const backendAsks = (k: number) => ({
  smsGateway: backendShareAsks(backendUses.smsGateway, perHour.smsGateway, k),
  registry: backendShareAsks(backendUses.registry, perHour.registry, k),
});
const budgets = servers === undefined ? null : SHARDS.map((k) => {
  const count = serverBudgetAsks(served, servers, k);
  const backends = backendAsks(k);
  const exchanges = count.asks + backends.smsGateway + backends.registry + meetings;
  return { ...count, backendAsks: backends, exchanges, speedUpAtMost: speedUpAtMost(k, exchanges) };
});
// Free and tight windows (free-windows.ts): a free window's work splits over the shards with one
// barrier and no exchange; a tight window's is serial, an exchange per call. The meetings (school
// calls, desks' rounds) are an exchange each wherever they fall.
const free = servers === undefined ? null : (() => {
  const count = freeWindows(times, steps, servers, 1_000, [
    { perHour: perHour.smsGateway, uses: backendUses.smsGateway.map((u) => u.at) },
    { perHour: perHour.registry, uses: backendUses.registry.map((u) => u.at) },
  ], SHARDS);
  const tightShare = count.eventsInTight / Math.max(1, times.length);
  const exchanges = count.windows + count.callsInTight + meetings;
  return {
    lookaheadSeconds: 1, ...count, tightShare: Number(tightShare.toFixed(4)), exchanges,
    speedUpAtMost: Object.fromEntries(SHARDS.map((k) => [k, speedUpAtMost(k, exchanges, barrierUs, tightShare)])),
    /** The same with barriers that spin on shared memory, no more threads than cores (bench:barrier: under 1 µs). */
    spinningBarrierUs: spinUs, speedUpAtMostSpinning: Object.fromEntries(SHARDS.map((k) => [k, speedUpAtMost(k, exchanges, spinUs, tightShare)])),
  };
})();
const result = {
  machine: machine(), scenario: name, applicants, events: times.length, wallSeconds: Number(wallSeconds.toFixed(1)), arrivalSeconds, watchedSeconds: Number(watchedSeconds.toFixed(1)), calls: steps.reduce((n, step) => n + step.calls.length, 0),
  queuedCalls: queued.length, timedOutCalls: timedOut.length, windows, steps: steps.length, barrierUs, admissions, servers, ordered, schoolMeetings: school, deskRounds: deskRounds.size,
  backends: { perHour, uses: { smsGateway: backendUses.smsGateway.length, registry: backendUses.registry.length } }, budgets, freeWindows: free,
};
console.log(JSON.stringify(result, null, 2));
mkdirSync('out/bench', { recursive: true });
writeFileSync('out/bench/windows.json', `${JSON.stringify(result, null, 2)}\n`);
