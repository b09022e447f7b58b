import { accountPhase } from './account';
import { followUpPhase } from './follow-up';
import { registrationPhase } from './registration';
import { journeySetup, phase, type JourneyContext } from './setup';
import { wait } from './steps';
import type { Persona } from '../persona';
import { verificationPhase } from './verification';

/**
 * An applicant's whole journey, from arrival to a registration outcome or giving up.
 * Phases run in order; a portal that is down interrupts any step, and the applicant comes
 * back later to the same step (deep history). The journey ends in one of five final states.
 */
export const journeyMachine = journeySetup.createMachine({
  id: 'journey',
  initial: 'active',
  context: ({ input }: { input: { persona: Persona } }): JourneyContext => ({ persona: input.persona, tries: {}, forgotPassword: input.persona.forgotPassword, abandoned: null }),
  states: {
    active: {
      initial: 'account',
      states: {
        account: phase({ id: 'account', ...accountPhase }),
        verification: phase({ id: 'verification', ...verificationPhase }),
        registration: phase({ id: 'registration', ...registrationPhase }),
        followUp: phase({ id: 'followUp', ...followUpPhase }),
        resume: { type: 'history', history: 'deep' },
      },
    },
    interrupted: phase(wait('retryLater', 'active.resume')),
    approved: { type: 'final' },
    deferred: { type: 'final' },
    refused: { type: 'final' },
    notConfirmed: { type: 'final' },
    abandoned: { type: 'final' },
  },
});
