import { describe, expect, it } from 'vitest';
import { inProcessStub, makeApplicant, newSession } from '../../../machines/test/fixtures';
import { PERSONAS } from '../../../machines/test/model';
import type { PortalClient } from '../../clients';
import { perform } from '..';

describe('an applicant whose code never comes', () => {
  it('types what they have when the outbox does not answer, and the portal refuses it: a step outcome, not a crash', async () => {
    const stub = await inProcessStub();
    try {
      // The server is overloaded: reading the phone (readOutbox) gets no answer.
      const client: PortalClient = {
        call: (op, input, options) => stub.client.call(op, input, options),
        admin: async (op, input) => (op === 'readOutbox' ? { status: 0, body: { code: 'TIMEOUT' } } : stub.client.admin(op, input)),
      };
      const persona = Object.values(PERSONAS).find((p) => !p.hasAccount && p.codeChannel === 'sms')!;
      const applicant = makeApplicant(7, persona);
      const session = newSession(applicant);
      expect((await perform(client, applicant, session, 'smsCode', 'requestSmsCode')).outcome).toBe('ok');
      const registered = await perform(client, applicant, session, 'registerForm', 'registerAccount');
      expect(registered.outcome).toBe('CODE_REFUSED');
    } finally {
      await stub.close();
    }
  });
});
