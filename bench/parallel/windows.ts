/**
 * `npm run bench:windows`: how a conservative, window-based parallel run (docs/parallel-runs.md)
 * would see a scenario. It runs the scenario once on one thread, records every event's virtual
 * time, and for lookaheads L of 1 to 60 s counts the windows [t, t + L) that hold at least one
 * event (empty ones can be skipped by jumping to the next event) and the events in each. Each
 * busy window costs one barrier between shards and coordinator, so events per busy window is the
 * parallel work a barrier buys.
 * Env: WINDOWS_SCENARIO (peak-opening), WINDOWS_APPLICANTS (20,000).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { scenarioByName } from '../../scenarios';
import { Simulation } from '../../sim/engine';
import { runScenario } from '../../sim/runner';
import { machine } from '../shared/machine';
import { progress } from '../shared/progress';

const name = process.env.WINDOWS_SCENARIO ?? 'peak-opening';
const applicants = Number(process.env.WINDOWS_APPLICANTS ?? 20_000);
const LOOKAHEADS_S = [1, 2, 5, 10, 30, 60];

const times: number[] = [];
// Every event passes through `now()` when it runs; the clock's value after each fire is its time.
const fire = (Simulation.prototype as unknown as { fire: () => boolean }).fire;
(Simulation.prototype as unknown as { fire: () => boolean }).fire = function (this: Simulation) {
  const fired = fire.call(this);
  if (fired) times.push(this.now());
  return fired;
};

const bar = progress(name, applicants, 'applicants');
const started = performance.now();
await runScenario(scenarioByName(name), { applicants, onProgress: (p) => bar.update(p.arrived) });
bar.stop();
const wallSeconds = (performance.now() - started) / 1000;

const windows = LOOKAHEADS_S.map((seconds) => {
  const ms = seconds * 1000;
  let busy = 0;
  let last = Number.NEGATIVE_INFINITY;
  for (const t of times) {
    const w = Math.floor(t / ms);
    if (w !== last) { busy += 1; last = w; }
  }
  return {
    lookaheadSeconds: seconds, busyWindows: busy,
    eventsPerBusyWindow: Number((times.length / Math.max(1, busy)).toFixed(1)),
    /** A barrier's share of the run if one costs 20 µs (a round trip between worker threads). */
    barrierShareAt20us: Number(((busy * 20e-6) / wallSeconds).toFixed(3)),
  };
});
const result = { machine: machine(), scenario: name, applicants, events: times.length, wallSeconds: Number(wallSeconds.toFixed(1)), windows };
console.log(JSON.stringify(result, null, 2));
mkdirSync('out/bench', { recursive: true });
writeFileSync('out/bench/windows.json', `${JSON.stringify(result, null, 2)}\n`);
