import type { JourneyContext, JourneyEvent, Persona } from '../../machines';
import type { Variant } from '../applicant';
import { pickWeighted, type Rng } from '../random';

// Events are never changed once sent: one object each (an ANSWER per outcome) instead of one per send.
export const PAGE_EVENTS = { NEXT: { type: 'NEXT' }, LEAVE: { type: 'LEAVE' }, DISAGREE: { type: 'DISAGREE' } } as const;
export const WAKE: JourneyEvent = { type: 'WAKE' };
const answers = new Map<string, JourneyEvent>();

/** The ANSWER event carrying `outcome`. */
export function answerEvent(outcome: string): JourneyEvent {
  let event = answers.get(outcome);
  if (!event) answers.set(outcome, (event = { type: 'ANSWER', outcome }));
  return event;
}

/** The slips of an attempt at `step`: drawn from the persona; a retry of a step is done right. */
export function slips(persona: Persona, rng: Rng, context: JourneyContext, step: string): Variant {
  const retrying = (context.tries[step] ?? 0) > 0;
  return {
    typo: !retrying && rng.chance(persona.typoRate),
    wrongPassword: step === 'signIn' && (context.forgotPassword || (!retrying && rng.chance(persona.wrongPasswordRate))),
    captchaMiss: rng.chance(persona.captchaMissRate),
    photoFault: rng.chance(1 - persona.photoCompliance) ? pickWeighted(rng, persona.photoFaults) : undefined,
  };
}

/** A distinct private address per applicant, for per-client limits (10.x.y.z). */
export function address(index: number): string {
  return `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
}
