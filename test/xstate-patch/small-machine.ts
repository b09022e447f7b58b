/** A small machine with what the fast paths set aside, and its steps worked out by hand. */
import type { XState } from './builds';

export const smallConfig = {
  id: 'small',
  initial: 'idle',
  context: { count: 0 },
  states: {
    idle: { tags: ['resting'], on: { GO: 'work' } },
    work: {
      initial: 'prepare',
      on: { PAUSE: '#small.paused' },
      states: {
        prepare: { always: { guard: ({ context }: { context: { count: number } }) => context.count >= 1, target: 'run' } },
        run: {
          type: 'parallel',
          states: {
            left: { initial: 'a', states: { a: { on: { STEP: 'b' } }, b: { tags: ['left-done'], on: { STEP: 'a' } } } },
            right: { initial: 'x', states: { x: { on: { STEP: 'y' } }, y: { type: 'final' } } },
          },
        },
        hist: { type: 'history', history: 'deep' },
      },
    },
    paused: { tags: ['resting'], on: { RESUME: 'work.hist', STOP: 'done' } },
    done: { type: 'final' },
  },
  on: { INC: { actions: 'inc' } },
} as const;

export const RUN = (left: string, right: string) => ({ work: { run: { left, right } } });
/** The small machine's events and, after each, its value, tags and status, worked out by hand. */
export const SMALL_STEPS: [string, unknown, string[], string][] = [
  ['', 'idle', ['resting'], 'active'],
  ['GO', { work: 'prepare' }, [], 'active'],
  ['STEP', { work: 'prepare' }, [], 'active'],
  ['INC', RUN('a', 'x'), [], 'active'], // `always` leaves prepare once count is 1
  ['STEP', RUN('b', 'y'), ['left-done'], 'active'],
  ['PAUSE', 'paused', ['resting'], 'active'],
  ['RESUME', RUN('b', 'y'), ['left-done'], 'active'], // deep history restores both regions
  ['STEP', RUN('a', 'y'), [], 'active'],
  ['INC', RUN('a', 'y'), [], 'active'],
  ['PAUSE', 'paused', ['resting'], 'active'],
  ['RESUME', RUN('a', 'y'), [], 'active'],
  ['PAUSE', 'paused', ['resting'], 'active'],
  ['STOP', 'done', [], 'done'],
];

export function walkSmall(lib: XState) {
  const machine = lib.createMachine(smallConfig as never, { actions: { inc: lib.assign({ count: ({ context }: { context: { count: number } }) => context.count + 1 }) as never } });
  const actor = lib.createActor(machine).start();
  return SMALL_STEPS.map(([event]) => {
    if (event) actor.send({ type: event });
    const s = actor.getSnapshot();
    return {
      value: s.value,
      tags: [...s.tags].sort(),
      hasTags: ['resting', 'left-done'].filter((t) => s.hasTag(t)),
      status: s.status,
      context: s.context,
      persisted: JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as unknown,
    };
  });
}
