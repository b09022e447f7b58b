/**
 * XState's `Clock` on the simulation, so machines' `after` delays run in virtual time:
 * `createActor(machine, { clock: new VirtualClock(sim) })`. XState's own SimulatedClock sorts
 * every timer on each step; this one is a heap push and an O(1) cancel. It also offers `now()`,
 * so the same object can serve the portal domain as its `Clock`.
 */
import type { ActorOptions, AnyActorLogic } from 'xstate';
import type { EventId } from './event-queue';
import type { Simulation } from './simulation';

/** XState's `Clock`; xstate 5 uses it in `ActorOptions` but does not export it by name. */
export type XStateClock = NonNullable<ActorOptions<AnyActorLogic>['clock']>;

/** What an id from `setTimeout` is when nothing was scheduled (an infinite delay). */
const NEVER: EventId = -1;

export class VirtualClock implements XStateClock {
  constructor(private readonly sim: Simulation) {}

  now(): number { return this.sim.now(); }

  /**
   * Like the host's setTimeout, a NaN or negative delay means 0. Unlike it, delays past
   * 2^31 ms (24.8 days) are kept as given, and an infinite one never fires.
   */
  setTimeout(fn: (...args: unknown[]) => void, ms: number): EventId {
    if (ms === Number.POSITIVE_INFINITY) return NEVER;
    const delay = ms > 0 ? ms : 0;
    return this.sim.schedule(delay, () => fn());
  }

  /** Cancels a timer; a fired, cleared or unknown id is ignored, as the host's is. */
  clearTimeout(id: EventId | undefined): void {
    if (typeof id === 'number') this.sim.cancel(id);
  }
}
