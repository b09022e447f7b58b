/**
 * `npm run bench:lockstep`: what keeping shards in step costs on this machine. Three ways, in turn,
 * ROUNDS times: one worker thread runs the scenario with APPLICANTS applicants; then SHARDS threads
 * each run a part of them at once (seeds 1, 2, …), first each on its own (bench:halves' ceiling),
 * then meeting at a barrier before every window of WINDOW_MS of virtual time they have events in
 * (lockstep-shard.ts), as the shards of a window-based run must (docs/parallel-runs.md, "Exact
 * without undo"). The parts exchange nothing else, so the lockstep parts bound that design's
 * speed-up from above, with the barriers and the wait for the slowest part in each window counted.
 * Env: APPLICANTS (20,000), SHARDS (2), ROUNDS (2), SCENARIO (peak-opening), WINDOW_MS (1,000),
 * SPIN (20,000: polls before sleeping at a barrier).
 */
import { Worker } from 'node:worker_threads';
import { machine } from '../shared/machine';
import { median } from '../shared/median';
import { dealOut } from '../shared/deal';
import { refuser, scenarioOrRefuse } from '../shared/refuse';

const applicants = Number(process.env.APPLICANTS ?? 20_000);
const shards = Number(process.env.SHARDS ?? 2);
const rounds = Number(process.env.ROUNDS ?? 2);
const windowMs = Number(process.env.WINDOW_MS ?? 1_000);
const spin = Number(process.env.SPIN ?? 20_000);
const refuse = refuser('bench:lockstep');
if (!(shards >= 2) || !(applicants >= shards) || !(rounds >= 1) || !(windowMs > 0) || !(spin >= 0)) {
  refuse('SHARDS must be 2 or more, APPLICANTS at least SHARDS, ROUNDS 1 or more, WINDOW_MS above 0, SPIN 0 or more');
}
const scenario = scenarioOrRefuse(process.env.SCENARIO ?? 'peak-opening', refuse).name;

interface Part { seed: number; applicants: number }
interface Timing { wall: number; barriers: number }

/** Runs the parts at once, one thread each, the clock started once every thread has loaded. */
async function timed(parts: Part[], lockstep: boolean): Promise<Timing> {
  const shared = new SharedArrayBuffer(8 + 16 * parts.length);
  const workers = parts.map((part, index) => new Worker(new URL('./lockstep-entry.mjs', import.meta.url), {
    workerData: { shared, index, parts: parts.length, scenario, ...part, lockstep, windowMs, spin },
  }));
  const message = (w: Worker, kind: string) => new Promise<{ barriers: number }>((resolve, reject) => {
    const on = (m: { kind: string; barriers: number }) => { if (m.kind === kind) { w.off('message', on); resolve(m); } };
    w.on('message', on);
    w.once('error', reject);
  });
  await Promise.all(workers.map((w) => message(w, 'ready')));
  const done = workers.map((w) => message(w, 'done'));
  const began = performance.now();
  for (const w of workers) w.postMessage('go');
  const results = await Promise.all(done);
  const wall = (performance.now() - began) / 1000;
  await Promise.all(workers.map((w) => w.terminate()));
  return { wall, barriers: results[0]!.barriers };
}

const whole: Part[] = [{ seed: 1, applicants }];
const parts: Part[] = dealOut(applicants, shards).map((count, i) => ({ seed: i + 1, applicants: count }));

console.log(`${machine()}; ${scenario}, ${applicants} applicants: one thread, ${shards} parts apart, ${shards} parts in step every ${windowMs} ms; ${rounds} rounds`);
const figures: { one: number; apart: number; inStep: number; barriers: number }[] = [];
for (let round = 1; round <= rounds; round += 1) {
  const one = await timed(whole, false);
  const apart = await timed(parts, false);
  const inStep = await timed(parts, true);
  console.log(`round ${round}: one thread ${one.wall.toFixed(2)} s, parts apart ${apart.wall.toFixed(2)} s, parts in step ${inStep.wall.toFixed(2)} s (${inStep.barriers} barriers)`);
  figures.push({ one: one.wall, apart: apart.wall, inStep: inStep.wall, barriers: inStep.barriers });
}
const of = (pick: (f: (typeof figures)[number]) => number) => median(figures.map(pick));
console.log(JSON.stringify({
  machine: machine(), scenario, applicants, shards, rounds, windowMs, spin,
  figures: figures.map((f) => ({ oneSeconds: Number(f.one.toFixed(2)), apartSeconds: Number(f.apart.toFixed(2)), inStepSeconds: Number(f.inStep.toFixed(2)), barriers: f.barriers })),
  // Ratios of the medians: the ceiling without coordination, and with the parts kept in step.
  speedUpApart: Number((of((f) => f.one) / of((f) => f.apart)).toFixed(3)),
  speedUpInStep: Number((of((f) => f.one) / of((f) => f.inStep)).toFixed(3)),
}, null, 2));
