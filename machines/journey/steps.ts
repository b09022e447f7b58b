import { and } from 'xstate';
import type { Outcome } from '../outcomes';
import type { Persona } from '../persona';
import type { Milestone, Page, Wait } from './setup';

/**
 * Builders for the journey's states, so each phase reads as a list of steps and what each
 * answer leads to. A step that asks the portal has its step name as id; every such step also
 * handles a portal that is down or too slow (come back later, or give up) and any answer its list does
 * not name (give up, so a journey never hangs).
 */
export type Budget = keyof Persona['patience'];
// XState's config types are deeply generic; these builders produce plain config objects that
// `journeySetup.createMachine` checks as a whole.
export interface Transition { guard?: unknown; target: string; reenter?: boolean; actions?: unknown[] }

export const is = (outcome: Outcome) => ({ type: 'outcome' as const, params: { is: outcome } });
const triesLeft = (step: string, budget: Budget) => ({ type: 'triesLeft' as const, params: { step, budget } });
export const countTry = (step: string) => ({ type: 'countTry' as const, params: { step } });
export const clearTries = (step: string) => ({ type: 'clearTries' as const, params: { step } });
export const milestone = (name: Milestone) => ({ type: 'milestone' as const, params: { name } });
export const abandon = (step: string, reason: string) => ({ type: 'abandon' as const, params: { step, reason } });

export const ABANDONED = '#journey.abandoned';

/** On `outcome`, go to `target`. */
export const on = (outcome: Outcome, target: string, ...actions: unknown[]): Transition => ({ guard: is(outcome), target, actions });

/** On `outcome`, give up at this step for `reason`. */
export const giveUp = (outcome: Outcome, step: string, reason: string): Transition =>
  ({ guard: is(outcome), target: ABANDONED, actions: [abandon(step, reason)] });

/** On `outcome`, go to `target` while patience lasts (counting a try of `counter`), else give up. */
export function patiently(outcome: Outcome, counter: string, target: string, reason: string, budget: Budget = 'retries', step = counter): Transition[] {
  return [
    { guard: and([is(outcome), triesLeft(counter, budget)]), target, reenter: true, actions: [countTry(counter)] },
    { guard: is(outcome), target: ABANDONED, actions: [abandon(step, reason)] },
  ];
}

/** On `outcome`, try this step again while patience lasts, else give up. */
export const retry = (outcome: Outcome, step: string, reason: string) => patiently(outcome, step, `#${step}`, reason);

/**
 * A portal that is down or too slow: press again at once while the persona presses (a few
 * seconds later: the driver's `pressAgainSeconds`), then leave to come back later while patience
 * lasts (each visit presses anew), then give up. Every press is a new request: retries are load.
 */
function failing(outcome: Outcome, step: string, reason: string): Transition[] {
  return [
    { guard: and([is(outcome), triesLeft('press', 'pressAgain')]), target: `#${step}`, reenter: true, actions: [countTry('press')] },
    { guard: and([is(outcome), triesLeft('portal', 'retries')]), target: '#journey.interrupted', actions: [countTry('portal'), clearTries('press')] },
    { guard: is(outcome), target: ABANDONED, actions: [abandon(step, reason)] },
  ];
}

/** A step that asks the portal `op`; `transitions` say where each answer leads. */
export function ask(step: string, op: string, transitions: (Transition | Transition[])[]) {
  return {
    id: step,
    entry: { type: 'request' as const, params: { op, step } },
    on: {
      ANSWER: [
        ...transitions.flat(),
        ...failing('UNAVAILABLE', step, 'portal-unavailable'),
        ...failing('TOO_SLOW', step, 'portal-too-slow'),
        { target: ABANDONED, actions: [abandon(step, 'unexpected-answer')] },
      ],
    },
  };
}

/** A page read without calling the portal: NEXT goes on; LEAVE loses the wizard's progress. */
export function page(step: string, name: Page, next: string, extra: Record<string, { target: string }> = {}) {
  return {
    id: step,
    entry: { type: 'view' as const, params: { page: name } },
    on: { NEXT: { target: next }, LEAVE: { target: '#wizardLeft' }, ...extra },
  };
}

/**
 * Waiting (virtual time in the simulator), then going on. The driver schedules the WAKE that
 * ends it on its own clock: XState's timers cost more than the rest of an event (#17).
 */
export const wait = (delay: Wait, target: string | Transition[]) => ({
  entry: { type: 'wait' as const, params: { delay } },
  on: { WAKE: typeof target === 'string' ? { target } : target },
});
