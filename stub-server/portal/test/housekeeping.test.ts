import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultRules } from '../../../rules';
import { TestPortal } from '../../../test/harness';
import { application, INSTITUTION, readyApplicant } from '../../../test/registration-fixtures';

let portal: TestPortal;
beforeEach(async () => {
  portal = await TestPortal.start();
  await portal.admin('seedInstitutions', [INSTITUTION]);
});
afterEach(() => portal.close());

const domain = () => portal.server.portal;
const rowsOf = (idNumber: string) => {
  const { state } = domain().ctx;
  return {
    account: state.accounts.has(idNumber),
    sessions: [...state.sessions.values()].filter((s) => s.idNumber === idNumber).length,
    registrations: state.registrations.lookup('owner', idNumber).length,
    certificates: state.certificates.lookup('holder', idNumber).length,
    photos: state.photos.lookup('owner', idNumber).length,
  };
};

describe('forgetting an applicant whose business is over (simulator housekeeping)', () => {
  it('refuses while an application is pending, and drops everything of theirs once it is concluded', async () => {
    const a = await readyApplicant(portal);
    const submitted = await portal.call('submitRegistration', application(a), a.token);
    expect(submitted.status).toBe(201);
    const { applicationNumber } = submitted.body;

    expect(domain().forgetApplicant(a.idNumber)).toBe(false);
    expect(rowsOf(a.idNumber)).toEqual({ account: true, sessions: 1, registrations: 1, certificates: 1, photos: 1 });

    await portal.admin('confirmOnSite', { applicationNumber, result: 'pass' });
    for (const tier of defaultRules.registration.approvalTiers.slice(0, -1)) {
      await portal.admin('decideRegistration', { applicationNumber, conclusion: '注册合格', tier });
    }
    expect((await portal.admin('decideRegistration', { applicationNumber, conclusion: '注册合格' })).body.conclusion).toBe('注册合格');

    expect(domain().forgetApplicant(a.idNumber)).toBe(true);
    expect(rowsOf(a.idNumber)).toEqual({ account: false, sessions: 0, registrations: 0, certificates: 0, photos: 0 });
    expect((await portal.admin('readOutbox', { recipient: a.phone })).body).toEqual([]);
    // Another applicant's records are untouched.
    const b = await readyApplicant(portal);
    expect(rowsOf(b.idNumber)).toMatchObject({ account: true, certificates: 1, photos: 1 });
  });
});

describe('forgetting an applicant who shares a mailbox', () => {
  it('drops their own reset link and leaves the other account\'s', async () => {
    const a = await portal.signUp();
    const b = await portal.signUp({ email: a.email });
    for (const x of [b, a]) {
      const sent = await portal.call('sendResetEmail', { idType: x.idType, idNumber: x.idNumber, name: x.name, captchaToken: await portal.captchaToken() });
      expect(sent.status).toBe(200);
    }
    expect(domain().forgetApplicant(a.idNumber)).toBe(true);
    const left = (await portal.admin('readOutbox', { recipient: a.email })).body;
    expect(left).toHaveLength(1);
    expect((await portal.admin('readOutbox', { recipient: a.email, idNumber: b.idNumber })).body).toEqual(left);
  });
});

describe('sweeping daily quota counters of days gone by', () => {
  const requestCode = async (phone: string) =>
    portal.call('requestSmsCode', { phone, purpose: 'register', captchaToken: await portal.captchaToken() });

  it('keeps today’s count (the 4th SMS is still refused) and drops yesterday’s', async () => {
    const phone = '13900000001';
    for (let i = 0; i < defaultRules.codes.smsPerPhonePerDay; i += 1) expect((await requestCode(phone)).status).toBe(200);
    expect(domain().sweepPastDays(portal.clock.now())).toBe(0);
    expect((await requestCode(phone)).body.code).toBe('SMS_DAILY_QUOTA_EXCEEDED');

    await portal.advance(86_400_000);
    expect((await requestCode(phone)).status).toBe(200);
    expect(domain().sweepPastDays(portal.clock.now())).toBe(1);
    expect(domain().ctx.counted('sms', phone, domain().ctx.dateOf(portal.clock.now()))).toBe(1);
  });

  it('keeps counters that are not daily (manual review per cycle)', () => {
    const { ctx } = domain();
    ctx.count('manualReview', '110101199003070011', '2026-01-01');
    ctx.countToday('sms', '13900000002', Date.parse('2026-01-01T10:00:00+08:00'));
    expect(domain().sweepPastDays(portal.clock.now())).toBe(1);
    expect(ctx.counted('manualReview', '110101199003070011', '2026-01-01')).toBe(1);
  });
});

describe('sweeping what has expired (serve\'s timer)', () => {
  it('drops expired codes and links, sessions a day past their end and idle login guards; keeps what is live', async () => {
    const a = await portal.signUp();
    await portal.call('requestSmsCode', { phone: '13900000003', purpose: 'register', captchaToken: await portal.captchaToken() });
    await portal.call('sendResetEmail', { idType: a.idType, idNumber: a.idNumber, name: a.name, captchaToken: await portal.captchaToken() });
    const { state } = domain().ctx;
    expect(domain().sweepExpired(portal.clock.now())).toMatchObject({ codes: 0, sessions: 0 });
    // Past the code's 5 minutes and the session's end: the session still answers SESSION_EXPIRED for a day.
    await portal.advance(defaultRules.login.sessionMinutes * 60_000 + 1);
    expect(domain().sweepExpired(portal.clock.now())).toMatchObject({ codes: 1, sessions: 0 });
    expect((await portal.call('getMe', {}, a.token)).body.code).toBe('SESSION_EXPIRED');
    const fresh = await portal.signIn(a);
    await portal.advance(defaultRules.codes.resetEmailValidHours * 3_600_000);
    expect(domain().sweepExpired(portal.clock.now())).toMatchObject({ codes: 1, sessions: 0 });
    expect(state.codes.size).toBe(0);
    expect(state.sessions.get(fresh)).toBeDefined(); // ended, but within a day of it
    await portal.advance(86_400_000);
    expect(domain().sweepExpired(portal.clock.now())).toMatchObject({ sessions: 1 });
    expect(state.sessions.size).toBe(0);
    expect((await portal.call('getMe', {}, fresh)).status).toBe(401);
  });
});
