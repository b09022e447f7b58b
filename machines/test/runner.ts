/**
 * A live journey actor for tests: the machine provided with a driver that records what the
 * machine asks (`request`, `view`, `milestone`), delays computed from the stub's clock, and an
 * actor clock the test controls. Nothing runs by itself: the test answers each request, turns
 * each page and fires each wait, moving the stub's clock by exactly the wait's length first.
 *
 * Why a clock of our own rather than sending WAKE at once: the machine then names its waits
 * itself (its `wait` action, as in the simulator), the length comes from the stub's clock, and
 * the test checks that exactly one wait is pending when the path says a wait ends.
 */
import { createActor, type Actor, type AnyStateMachine } from 'xstate';
import { nextLocalMidnight } from '../../rules';
import { WAITS, type JourneyContext, type Page, type Wait } from '../journey/setup';
import type { Persona } from '../persona';
import { DAY, RULES, type Stub } from './fixtures';

export interface Request { op: string; step: string }

interface Timer { id: number; ms: number; fire: () => void }

/** The actor's clock: timeouts wait until the test fires them. */
export class ManualClock {
  private readonly timers = new Map<number, Timer>();
  private nextId = 1;

  setTimeout(fn: (...args: unknown[]) => void, ms: number): number {
    const id = this.nextId++;
    this.timers.set(id, { id, ms, fire: () => fn() });
    return id;
  }

  clearTimeout(id: unknown): void { this.timers.delete(id as number); }

  get pending(): Timer[] { return [...this.timers.values()]; }

  /** The one pending timeout (there is one wait at a time in the journey machines). */
  only(): Timer {
    const [timer, ...more] = this.pending;
    if (!timer || more.length > 0) throw new Error(`expected one pending wait, found ${this.pending.length}`);
    return timer;
  }

  fire(timer: Timer): void {
    if (!this.timers.delete(timer.id)) throw new Error('this wait is no longer pending');
    timer.fire();
  }
}

/** What the test world knows that delays depend on. */
export interface WaitContext { windowOpensAt?: number }

/**
 * The delays, as the driver computes them from the stub's clock: the next Beijing midnight, the
 * rule's form delay, the persona's days between checks, a week away from the wizard (clear of
 * a holiday week), the window's opening. A failed portal is retried after the persona's
 * comeBackAfterMinutes, the machine's own delay.
 */
export function delaysFor(stub: Stub, waits: WaitContext): Record<Wait, (context: JourneyContext) => number> {
  const now = () => stub.now();
  return {
    retryLater: WAITS.retryLater,
    untilTomorrow: () => nextLocalMidnight(now(), RULES.time.utcOffsetMinutes) - now(),
    nextCheck: (context) => context.persona.checkEveryDays * DAY,
    comeBackLater: () => 7 * DAY,
    formDelay: () => RULES.registration.formDelayMinutes * 60_000,
    untilWindowOpens: () => Math.max(60_000, (waits.windowOpensAt ?? now() + DAY) - now()),
  };
}

export interface Driven {
  actor: Actor<AnyStateMachine>;
  clock: ManualClock;
  /** The request the machine made since it was last taken (entering a portal step). */
  takeRequest(): Request | undefined;
  /** The page the machine showed since it was last taken. */
  takeView(): Page | undefined;
  milestones: string[];
}

/** Starts `machine` for `persona` with the recording driver, delays from `stub`'s clock. */
export function drive(machine: AnyStateMachine, persona: Persona, stub: Stub, waits: WaitContext): Driven {
  let request: Request | undefined;
  let view: Page | undefined;
  const milestones: string[] = [];
  const clock = new ManualClock();
  const delays = delaysFor(stub, waits);
  const provided = machine.provide({
    actions: {
      request: (_: unknown, params: Request) => {
        if (request) throw new Error(`the machine asked ${params.step} before ${request.step} was answered`);
        request = params;
      },
      view: (_: unknown, params: { page: Page }) => { view = params.page; },
      milestone: (_: unknown, params: { name: string }) => { milestones.push(params.name); },
      wait: ({ context }: { context: JourneyContext }, params: { delay: Wait }) => {
        clock.setTimeout(() => actor.send({ type: 'WAKE' }), delays[params.delay](context));
      },
    } as never,
  });
  const actor = createActor(provided, { input: { persona }, clock });
  actor.start();
  return {
    actor,
    clock,
    takeRequest: () => { const r = request; request = undefined; return r; },
    takeView: () => { const v = view; view = undefined; return v; },
    milestones,
  };
}

