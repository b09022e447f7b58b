/**
 * The applicant's journey as XState v5 machines: pure, no I/O, no timers of their own. The
 * portal calls (`request`), pages (`view`), funnel points (`milestone`) and delays come in
 * through `provide`, so one machine runs in virtual time and over HTTP.
 */
export type { Persona, CodeChannel, PhotoFault, ResetMethod } from './persona';
export type { Distribution } from './distribution';
export { classify, seen, TOO_SLOW, UNAVAILABLE, type Outcome } from './outcomes';
export { journeyMachine } from './journey/journey';
export { certificateQueryMachine } from './certificate-query';
export { WAITS } from './journey/setup';
export type { JourneyContext, JourneyEvent, Milestone, Page, Wait } from './journey/setup';
