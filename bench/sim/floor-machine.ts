/**
 * A yardstick for the machines' cost: the cheapest machine of the journey's size that XState
 * runs, 63 states in a ring with no guards, no actions and no nesting, each event a plain
 * transition to the next. Measured in the same process as the run, it says what an event
 * costs this machine today (a noisy shared machine varies), so the journey's µs per event
 * can be read against it.
 */
import { createActor, createMachine, type AnyEventObject } from 'xstate';

const STATES = 63;

const floorMachine = createMachine({
  id: 'floor',
  initial: 's0',
  states: Object.fromEntries(Array.from({ length: STATES }, (_, i) => [`s${i}`, { on: { NEXT: { target: `s${(i + 1) % STATES}` } } }])),
});

/** µs per event on the floor machine: `actors` actors of `eventsEach` events, as journeys are. */
export function floorUsPerEvent(actors: number, eventsEach: number): number {
  const next: AnyEventObject = { type: 'NEXT' };
  const started = performance.now();
  for (let a = 0; a < actors; a += 1) {
    const actor = createActor(floorMachine);
    actor.start();
    for (let e = 0; e < eventsEach; e += 1) actor.send(next);
  }
  return ((performance.now() - started) * 1000) / Math.max(1, actors * eventsEach);
}
