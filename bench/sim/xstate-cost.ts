/**
 * `npm run bench:xstate`: what one XState event costs on this machine, by how deeply the state
 * taking it is nested and by how many guarded transitions its answer is matched against. The
 * journey machine's wizard steps are nested four levels deep under the root and list about ten
 * transitions for ANSWER (the outcomes, then patience, then the catch-all); this says how much
 * of an event's cost a shallower or shorter machine would save. Each synthetic machine is a
 * chain of `steps` states; an ANSWER `ok` takes the first transition to the next state, after
 * it a number of guarded transitions that are never taken (evaluated only when `ok` fails, so
 * they cost nothing on the happy path: listed to check that).
 */
import { createActor, setup } from 'xstate';
import { machine } from '../shared/machine';

const STEPS = 16;
const ACTORS = Number(process.env.BENCH_ACTORS ?? 3000);

type Config = { initial: string; states: Record<string, unknown> };

function chain(depth: number, alternatives: number) {
  const journey = setup({
    types: { events: {} as { type: 'ANSWER'; outcome: string } },
    guards: { is: ({ event }, params: { is: string }) => event.outcome === params.is },
    actions: { request: () => {} },
  });
  const states: Record<string, unknown> = { done: {} };
  for (let i = 0; i < STEPS; i += 1) {
    const others = Array.from({ length: alternatives }, (_, k) => ({ guard: { type: 'is', params: { is: `other${k}` } }, target: `s${i}`, reenter: true }));
    states[`s${i}`] = {
      entry: { type: 'request' },
      on: { ANSWER: [{ guard: { type: 'is', params: { is: 'ok' } }, target: i + 1 < STEPS ? `s${i + 1}` : 'done' }, ...others] },
    };
  }
  let config: Config = { initial: 's0', states };
  for (let d = 1; d < depth; d += 1) config = { initial: 'inner', states: { inner: config } };
  return journey.createMachine({ id: 'chain', ...config } as never);
}

/** Microseconds per actor start and per event, over ACTORS actors each walking the chain. */
function measure(logic: ReturnType<typeof chain>): { startUs: number; eventUs: number } {
  let startMs = 0;
  let sendMs = 0;
  for (let n = 0; n < ACTORS; n += 1) {
    let t = performance.now();
    const actor = createActor(logic);
    actor.start();
    startMs += performance.now() - t;
    t = performance.now();
    for (let i = 0; i < STEPS; i += 1) actor.send({ type: 'ANSWER', outcome: 'ok' });
    sendMs += performance.now() - t;
    actor.stop();
  }
  return { startUs: Number(((startMs * 1000) / ACTORS).toFixed(1)), eventUs: Number(((sendMs * 1000) / (ACTORS * STEPS)).toFixed(1)) };
}

const shapes = [1, 2, 4].flatMap((depth) => [0, 10].map((alternatives) => ({ depth, alternatives })));
// A first pass warms the JIT; the second is reported.
for (const s of shapes) measure(chain(s.depth, s.alternatives));
const rows = shapes.map((s) => ({ ...s, ...measure(chain(s.depth, s.alternatives)) }));
console.log(JSON.stringify({ machine: machine(), actors: ACTORS, stepsPerActor: STEPS, rows }, null, 2));
