import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestPortal } from '../../../test/harness';
import { application, INSTITUTION, readyApplicant, type Ready } from '../../../test/registration-fixtures';
import { InProcessClient } from '../../../sim/clients';
import { Lazy } from '..';
import type { PortalAnswer } from '../../../sim/clients';

/**
 * Answers built only when read (the form PDF, a back-office decision's detail): over HTTP they
 * are sent whole; in process the body is built on first read, and is what HTTP would have sent
 * at the call, whatever happened since (records are replaced, never changed).
 */
let portal: TestPortal;
let inProcess: InProcessClient;
let a: Ready;
let applicationNumber: string;
beforeEach(async () => {
  portal = await TestPortal.start();
  // The same portal, called in process (the simulator's way) as well as over HTTP.
  inProcess = new InProcessClient(portal.server.portal);
  await portal.admin('seedInstitutions', [INSTITUTION]);
  a = await readyApplicant(portal);
  applicationNumber = (await portal.call('submitRegistration', application(a), a.token)).body.applicationNumber;
  await portal.advance(3_600_000);
});
afterEach(() => portal.close());

const now = (answer: PortalAnswer | Promise<PortalAnswer>): PortalAnswer => {
  if (answer instanceof Promise) throw new Error('an in-process answer came later');
  return answer;
};

describe('lazy answers', () => {
  it('a value built once, on first read, and serialised as itself', () => {
    let built = 0;
    const lazy = new Lazy(() => ({ built: (built += 1) }));
    expect(built).toBe(0);
    expect(lazy.value).toBe(lazy.value);
    expect(JSON.stringify({ lazy })).toBe('{"lazy":{"built":1}}');
    expect(built).toBe(1);
  });

  it('the form PDF: the same bytes in process as over HTTP', async () => {
    const overHttp = await portal.call('getApplicationForm', { applicationNumber }, a.token);
    expect(overHttp.headers.get('content-type')).toBe('application/pdf');
    const answer = now(inProcess.call('getApplicationForm', { applicationNumber }, { token: a.token }));
    expect(answer.status).toBe(200);
    // Built when read, asynchronously (pdf-lib): a promise of the bytes, the same promise on every read.
    expect(answer.body).toBe(answer.body);
    const bytes = await answer.body;
    expect(Buffer.isBuffer(bytes)).toBe(true);
    expect(bytes.equals(overHttp.body)).toBe(true);
  });

  it('a decision\'s detail: what HTTP answers, as at the decision even when read after later changes', async () => {
    const confirmed = now(inProcess.admin('confirmOnSite', { applicationNumber, result: 'pass' }));
    expect(confirmed.status).toBe(200);
    const atDecision = (await portal.call('getRegistration', { applicationNumber }, a.token)).body;
    // A later change (a message, a tier passed) does not show in the earlier answer, built only now.
    await portal.admin('postRegistrationMessage', { applicationNumber, from: 'institution', text: '请核对' });
    const tier = (await portal.admin('decideRegistration', { applicationNumber, conclusion: '注册合格', tier: '初审' }));
    expect(JSON.parse(JSON.stringify(confirmed.body))).toEqual(atDecision);
    expect(confirmed.body.conclusion).toBe('待注册审批');
    expect(confirmed.body.messageCount).toBe(0);
    // Over HTTP the decision answers the detail whole, as getRegistration shows it then.
    expect(tier.status).toBe(200);
    expect(tier.body).toEqual((await portal.call('getRegistration', { applicationNumber }, a.token)).body);
    expect(tier.body.tiersPassed).toEqual(['初审']);
  });

  it('refusals and eager answers stay plain answers', () => {
    expect(now(inProcess.admin('confirmOnSite', { applicationNumber: 'nope', result: 'pass' }))).toMatchObject({ status: 404, body: { code: 'REGISTRATION_NOT_FOUND' } });
    const answer = now(inProcess.call('getRegistration', { applicationNumber }, { token: a.token }));
    expect(Object.getOwnPropertyDescriptor(answer, 'body')?.value).toMatchObject({ applicationNumber });
  });
});
