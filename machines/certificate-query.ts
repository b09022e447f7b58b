import { ask, giveUp, on, patiently, retry, wait } from './journey/steps';
import { journeySetup, phase, type JourneyContext } from './journey/setup';
import type { Persona } from './persona';

/**
 * "Other query" of a certificate (SPEC §5): someone without an account (an employer, say)
 * checks a teacher's certificate with name, ID number, certificate number and an SMS code
 * sent to their own phone.
 */
export const certificateQueryMachine = journeySetup.createMachine({
  id: 'journey',
  initial: 'active',
  context: ({ input }: { input: { persona: Persona } }): JourneyContext => ({ persona: input.persona, tries: {}, forgotPassword: false, abandoned: null }),
  states: {
    active: phase({
      initial: 'code',
      states: {
        code: ask('queryCode', 'requestSmsCode', [
          on('ok', 'query'),
          retry('CAPTCHA', 'queryCode', 'captcha'),
          giveUp('SMS_DAILY_QUOTA_EXCEEDED', 'queryCode', 'sms-quota'),
        ]),
        query: ask('query', 'queryCertificate', [
          on('ok', '#journey.found'),
          on('CERTIFICATE_NOT_FOUND', '#journey.notFound'),
          patiently('CODE_REFUSED', 'queryCode', 'code', 'code-refused', 'retries', 'query'),
          retry('INVALID', 'query', 'form-errors'),
          retry('CAPTCHA', 'query', 'captcha'),
        ]),
        resume: { type: 'history', history: 'deep' },
      },
    }),
    interrupted: phase(wait('retryLater', 'active.resume')),
    found: { type: 'final' },
    notFound: { type: 'final' },
    abandoned: { type: 'final' },
  },
});
