/**
 * One part of `npm run bench:lockstep`, on a worker thread: a run of the scenario that, when
 * `lockstep` is set, meets the other parts at a barrier before every window of virtual time it
 * has events in, as the shards of a window-based run would (docs/parallel-runs.md). Each part
 * writes when its next event is due; the next window starts at the earliest of them, so empty
 * stretches are skipped together. Nothing else is exchanged: this is the cost of keeping the
 * parts in step, the work of every window waiting for the slowest part, and no more.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { scenarioByName } from '../../scenarios';
import { Simulation } from '../../sim/engine';
import { runScenario } from '../../sim/runner';

interface ShardData { shared: SharedArrayBuffer; index: number; parts: number; scenario: string; seed: number; applicants: number; lockstep: boolean; windowMs: number; spin: number }
const data = workerData as ShardData;
const port = parentPort!;

// [arrived, generation], then each part's next event time, in two halves used by turns.
const control = new Int32Array(data.shared, 0, 2);
const next = new Float64Array(data.shared, 8, 2 * data.parts);
let barriers = 0;

/** Waits until every part has said when its next event is due; the earliest of them. */
function meet(nextAt: number): number {
  barriers += 1;
  const generation = Atomics.load(control, 1);
  const half = (generation & 1) * data.parts;
  next[half + data.index] = nextAt;
  if (Atomics.add(control, 0, 1) === data.parts - 1) {
    Atomics.store(control, 0, 0);
    Atomics.add(control, 1, 1);
    Atomics.notify(control, 1);
  } else {
    for (let i = 0; i < data.spin && Atomics.load(control, 1) === generation; i += 1);
    while (Atomics.load(control, 1) === generation) Atomics.wait(control, 1, generation);
  }
  let earliest = Number.POSITIVE_INFINITY;
  for (let s = 0; s < data.parts; s += 1) earliest = Math.min(earliest, next[half + s]!);
  return earliest;
}

if (data.lockstep) {
  let windowEnd = Number.NEGATIVE_INFINITY;
  const { step } = Simulation.prototype;
  Simulation.prototype.step = function (this: Simulation) {
    const due = this.peek();
    while (due >= windowEnd) windowEnd = meet(due) + data.windowMs;
    return step.call(this);
  };
}

const scenario = scenarioByName(data.scenario);
port.postMessage({ kind: 'ready' });
port.once('message', async () => {
  const began = performance.now();
  const { events } = await runScenario(scenario, { seed: data.seed, applicants: data.applicants });
  const seconds = (performance.now() - began) / 1000;
  // Done: keep meeting the others, with nothing due, until none has anything due.
  if (data.lockstep) while (meet(Number.POSITIVE_INFINITY) < Number.POSITIVE_INFINITY);
  port.postMessage({ kind: 'done', seconds, events, barriers });
});
