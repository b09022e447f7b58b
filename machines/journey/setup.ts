import { assign, setup } from 'xstate';
import type { Outcome } from '../outcomes';
import type { Persona } from '../persona';

/** Funnel points the journey passes (SPEC §1-6), reported by the `milestone` action. */
export type Milestone = 'arrived' | 'registered' | 'verified' | 'submitted' | 'confirmed' | 'approved';

/** Pages the applicant reads without calling the portal (wizard steps 1, 4-6). */
export type Page = 'agreement' | 'confirm';

export interface JourneyContext {
  persona: Persona;
  /** Retries spent per step; a step's count resets when it succeeds. */
  tries: Record<string, number>;
  /** The password is forgotten until a reset sets a new one. */
  forgotPassword: boolean;
  abandoned: { step: string; reason: string } | null;
}

/**
 * The journey's waits, each by the name a wait state declares (`wait` in steps.ts). A wait is
 * ended by WAKE, which the driver sends when the wait is over: virtual time in the simulator,
 * a clock the test moves in tests. The lengths below are the machine's own account of them
 * (docs/journey.md names them); a driver computes the real ones from its clock and the rules.
 */
export const WAITS = {
  /** A portal that failed: the applicant comes back a little later. */
  retryLater: ({ persona }: JourneyContext) => persona.comeBackAfterMinutes * 60_000,
  /** A daily quota spent: the next Beijing midnight (the driver computes it from its clock). */
  untilTomorrow: () => 24 * 3_600_000,
  /** Between two looks at a pending review or application. */
  nextCheck: ({ persona }: JourneyContext) => persona.checkEveryDays * 24 * 3_600_000,
  /** Left the wizard: comes back another time, starting over. */
  comeBackLater: () => 24 * 3_600_000,
  /** The form is downloadable 1 hour after submission (the driver reads the rule). */
  formDelay: () => 3_600_000,
  /** The institution's window has not opened yet. */
  untilWindowOpens: () => 24 * 3_600_000,
} satisfies Record<string, (context: JourneyContext) => number>;
export type Wait = keyof typeof WAITS;

export type JourneyEvent =
  | { type: 'ANSWER'; outcome: Outcome }
  | { type: 'WAKE' }
  | { type: 'NEXT' }
  | { type: 'LEAVE' }
  | { type: 'DISAGREE' };

/**
 * The journey's vocabulary. Effects are injected: `request` asks the portal (the driver
 * answers with ANSWER), `view` shows a page (the driver answers NEXT, LEAVE or DISAGREE),
 * `milestone` reports funnel progress. Delays are the driver's to provide (virtual time in
 * the simulator, a settable clock in tests): `wait` names the wait, the driver sends WAKE.
 */
export const journeySetup = setup({
  types: {
    context: {} as JourneyContext,
    events: {} as JourneyEvent,
    input: {} as { persona: Persona },
  },
  actions: {
    request: (_args, _params: { op: string; step: string }) => {},
    view: (_args, _params: { page: Page }) => {},
    milestone: (_args, _params: { name: Milestone }) => {},
    /** Entering a wait: the driver sends WAKE when it is over (see WAITS). */
    wait: (_args, _params: { delay: Wait }) => {},
    countTry: assign({ tries: ({ context }, params: { step: string }) => ({ ...context.tries, [params.step]: (context.tries[params.step] ?? 0) + 1 }) }),
    clearTries: assign({ tries: ({ context }, params: { step: string }) => ({ ...context.tries, [params.step]: 0 }) }),
    passwordReset: assign({ forgotPassword: false }),
    abandon: assign({
      // An answer no transition names is reported with its outcome, so a report shows what surprised the model.
      abandoned: ({ event }, params: { step: string; reason: string }) => ({
        step: params.step,
        reason: params.reason === 'unexpected-answer' && event.type === 'ANSWER' ? `unexpected:${event.outcome}` : params.reason,
      }),
    }),
  },
  guards: {
    outcome: ({ event }, params: { is: Outcome }) => event.type === 'ANSWER' && event.outcome === params.is,
    /** The applicant still has patience for another try of this step. */
    triesLeft: ({ context }, params: { step: string; budget: keyof Persona['patience'] }) =>
      (context.tries[params.step] ?? 0) < context.persona.patience[params.budget],
    hasAccount: ({ context }) => context.persona.hasAccount,
    forgotPassword: ({ context }) => context.forgotPassword,
    wechatCode: ({ context }) => context.persona.codeChannel === 'wechat',
    resetBy: ({ context }, params: { method: Persona['resetMethod'] }) =>
      context.persona.resetMethod === params.method && (params.method !== 'wechat' || context.persona.wechatBound),
    handAddedCertificate: ({ context }) => context.persona.handAddedCertificate,
  },
});

type MachineConfig = Parameters<typeof journeySetup.createMachine>[0];
/** A state of the journey, as the phases declare them (checked whole by the model tests). */
export type JourneyState = NonNullable<MachineConfig['states']>[string];
/** Marks a phase's plain config as a journey state: the builders' objects are XState configs. */
export const phase = (config: object): JourneyState => config as JourneyState;
