/**
 * The account registration journey, each step done as the simulator does it (sim/applicant's
 * performer: captcha, the code read from the outbox, the applicant's own form), for applicants
 * from the simulator's population (valid, distinct IDs and phones). Its calls are kept, so the
 * echo can be sent the very same requests.
 */
import type { CallOptions, PortalAnswer, PortalClient } from '../../sim/clients';
import type { MaybePromise } from '../../stub-server/portal';
import { newSession, perform, type ApplicantSession } from '../../sim/applicant';
import { createPopulation, type Population } from '../../sim/population';
import { RandomStreams } from '../../sim/random';
import { systemClock } from '../../stub-server/portal';

/** Steps of machines/journey from the SMS code to real-name verification, and the outcome each must have. */
const STEPS = [
  { step: 'smsCode', op: 'requestSmsCode', expect: 'ok' },
  { step: 'registerForm', op: 'registerAccount', expect: 'ok' },
  { step: 'signIn', op: 'login', expect: 'ok-incomplete' },
  { step: 'profile', op: 'completeProfile', expect: 'ok' },
  { step: 'verify', op: 'verifyRealName', expect: 'passed' },
] as const;

export interface RecordedCall { op: string; input: unknown; options?: CallOptions; admin: boolean }

/**
 * Applicants without an account who take their code by SMS (the journey measured), seen from
 * today, since the server runs on the system clock and checks ID validity against it.
 */
export function newApplicants(seed: number): Population {
  return createPopulation({
    rng: new RandomStreams(seed).stream('population'), size: 10_000_000, staleRate: 0,
    asOf: new Date(systemClock.now()).toISOString().slice(0, 10), persona: { hasAccount: 0, codeChannel: { sms: 1, wechat: 0 } },
  });
}

/** Keeps every call a journey makes, in order. */
class Recorder implements PortalClient {
  readonly calls: RecordedCall[] = [];
  constructor(private readonly inner: PortalClient) {}

  call(op: string, input?: unknown, options?: CallOptions): MaybePromise<PortalAnswer> {
    this.calls.push({ op, input, options, admin: false });
    return this.inner.call(op, input, options);
  }

  admin(op: string, input?: unknown): MaybePromise<PortalAnswer> {
    this.calls.push({ op, input, admin: true });
    return this.inner.admin(op, input);
  }
}

/** Registers applicant `index` and verifies their real name; keeps the calls of a journey that went through, or answers the step that did not. */
export async function register(client: PortalClient, population: Population, index: number, keep: RecordedCall[][]): Promise<string | undefined> {
  const applicant = population.applicantAt(index);
  const session: ApplicantSession = newSession(applicant.password, `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`);
  const recorder = new Recorder(client);
  for (const { step, op, expect } of STEPS) {
    const { outcome } = await perform(recorder, applicant, session, step, op);
    if (outcome !== expect) return `${op}: ${outcome}`;
  }
  keep.push(recorder.calls);
  return undefined;
}

/** Sends a kept journey's calls again, one after another, whatever the answers. */
export async function replay(client: PortalClient, calls: RecordedCall[]): Promise<string | undefined> {
  for (const c of calls) {
    const answer = c.admin ? await client.admin(c.op, c.input) : await client.call(c.op, c.input, c.options);
    if (answer.status < 200 || answer.status >= 300) return `${c.op}: ${answer.status}`;
  }
  return undefined;
}
