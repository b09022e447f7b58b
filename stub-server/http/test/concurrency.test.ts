/**
 * Quotas and uniqueness under concurrency: many identical requests in flight at once. Each
 * domain operation checks and counts in one event-loop turn (or re-checks after its only
 * await), so the answers are exact, not approximately right.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultRules } from '../../../rules';
import { nextApplicant, TestPortal, type Answer } from '../../../test/harness';
import { application, INSTITUTION, readyApplicant } from '../../../test/registration-fixtures';

let portal: TestPortal;
/** Password hashing at the production cost where it matters: hashes then overlap, as they do under load. */
const start = async (scryptCost?: number) => {
  await portal?.close();
  portal = await TestPortal.start(scryptCost ? { rules: { account: { scryptCost } } } : {});
  await portal.admin('seedInstitutions', [INSTITUTION]);
};
beforeEach(() => start());
afterEach(() => portal.close());

const tokens = (n: number) => Promise.all(Array.from({ length: n }, () => portal.captchaToken()));
/** How many answers had each status (and problem code): `{ '200': 3, '429 SMS_DAILY_QUOTA_EXCEEDED': 47 }`. */
const byStatus = (answers: Answer[]) => {
  const counts: Record<string, number> = {};
  for (const a of answers) {
    const key = a.status >= 400 ? `${a.status} ${a.body.code}` : String(a.status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
};
const counter = (key: string) => portal.server.portal.ctx.state.counters.get(key);
const today = '2026-09-14';

describe('quotas under concurrency', () => {
  it('gives 50 simultaneous SMS requests for one phone exactly 3 codes', async () => {
    const { smsPerPhonePerDay } = defaultRules.codes;
    const phone = '13912340000';
    const captchas = await tokens(50);
    const answers = await Promise.all(captchas.map((captchaToken) => portal.call('requestSmsCode', { phone, purpose: 'register', captchaToken })));
    expect(byStatus(answers)).toEqual({ '200': smsPerPhonePerDay, '429 SMS_DAILY_QUOTA_EXCEEDED': 50 - smsPerPhonePerDay });
    expect(answers.filter((a) => a.status === 429).every((a) => Number(a.headers.get('retry-after')) > 0)).toBe(true);
    expect(answers.filter((a) => a.status === 200).map((a) => a.body.remainingToday).sort()).toEqual([0, 1, 2]);
    const outbox = (await portal.admin('readOutbox', { recipient: phone })).body as { code?: string }[];
    expect(outbox.filter((m) => m.code)).toHaveLength(smsPerPhonePerDay);
    expect(counter(`sms|${phone}|${today}`)).toBe(smsPerPhonePerDay);
  });

  it('counts exactly 3 of 20 simultaneous real-name attempts by one applicant; the rest 429', async () => {
    const { attemptsPerDay } = defaultRules.realName;
    const a = await portal.signUp();
    await portal.call('completeProfile', { ethnicity: '汉族' }, a.token);
    await portal.admin('seedIdentities', [{ idNumber: a.idNumber, name: '王芳' }]); // every attempt fails and counts
    const answers = await Promise.all(Array.from({ length: 20 }, () => portal.call('verifyRealName', {}, a.token)));
    expect(byStatus(answers)).toEqual({ '200': attemptsPerDay, '429 REAL_NAME_DAILY_QUOTA_EXCEEDED': 20 - attemptsPerDay });
    expect(answers.filter((r) => r.status === 200).map((r) => r.body.attemptsLeft).sort()).toEqual([0, 1, 2]);
    expect(counter(`realName|${a.idNumber}|${today}`)).toBe(attemptsPerDay);
    expect(portal.server.portal.ctx.state.accounts.get(a.idNumber)?.realName.failedAttempts).toBe(attemptsPerDay);
  });

  it('counts exactly 3 of 20 simultaneous passing attempts too', async () => {
    const a = await portal.signUp();
    await portal.call('completeProfile', { ethnicity: '汉族' }, a.token);
    const answers = await Promise.all(Array.from({ length: 20 }, () => portal.call('verifyRealName', {}, a.token)));
    expect(byStatus(answers)).toEqual({ '200': 3, '429 REAL_NAME_DAILY_QUOTA_EXCEEDED': 17 });
    expect((await portal.call('getMe', {}, a.token)).body.realName.status).toBe('verified');
  });
});

describe('uniqueness under concurrency', () => {
  it('gives 20 simultaneous submissions of the same application exactly one application number', async () => {
    const a = await readyApplicant(portal);
    const answers = await Promise.all(Array.from({ length: 20 }, () => portal.call('submitRegistration', application(a), a.token)));
    expect(byStatus(answers)).toEqual({ '201': 1, '409 DUPLICATE_APPLICATION': 19 });
    const number = answers.find((r) => r.status === 201)!.body.applicationNumber;
    expect(answers.filter((r) => r.status === 409).every((r) => r.body.applicationNumber === number)).toBe(true);
    expect((await portal.call('listMyRegistrations', {}, a.token)).body.map((r: { applicationNumber: string }) => r.applicationNumber)).toEqual([number]);
    expect((await portal.admin('getStats')).body.held.registrations).toBe(1);
  });

  it('gives 20 simultaneous registrations of one ID number (each with its own phone and code) exactly one account', async () => {
    await start(defaultRules.account.scryptCost);
    const applicant = nextApplicant();
    const phones = Array.from({ length: 20 }, (_, i) => `1370000${String(i).padStart(4, '0')}`);
    for (const phone of phones) {
      expect((await portal.call('requestSmsCode', { phone, purpose: 'register', captchaToken: await portal.captchaToken() })).status).toBe(200);
    }
    const codes = await Promise.all(phones.map((phone) => portal.lastCode(phone)));
    const captchas = await tokens(20);
    const answers = await Promise.all(phones.map((phone, i) => portal.call('registerAccount', {
      ...applicant, phone, code: codes[i], captchaToken: captchas[i], agreementAccepted: true,
    })));
    expect(byStatus(answers)).toEqual({ '201': 1, '409 ACCOUNT_EXISTS': 19 });
    const winner = phones[answers.findIndex((r) => r.status === 201)]!;
    expect(portal.server.portal.ctx.state.accounts.get(applicant.idNumber)?.phone).toBe(winner);
    expect((await portal.admin('getStats')).body.held.accounts).toBe(1);
  });
});

describe('the login lockout under concurrency (rules.login)', () => {
  const { maxWrongPasswords, lockMinutes } = defaultRules.login;

  // The guesses still being hashed when the 5th wrong one locks the account are refused with
  // LOGIN_LOCKED, right or wrong: a burst of guesses cannot get past the lock.
  it('counts exactly 5 of 20 simultaneous wrong passwords; the rest meet the lock', async () => {
    await start(defaultRules.account.scryptCost);
    const a = await portal.signUp();
    const captchas = await tokens(20);
    const answers = await Promise.all(captchas.map((captchaToken) => portal.call('login', { idNumber: a.idNumber, password: 'Wrong#123', captchaToken })));
    expect(byStatus(answers)).toEqual({ '401 WRONG_CREDENTIALS': maxWrongPasswords, '429 LOGIN_LOCKED': 20 - maxWrongPasswords });
    const locked = await portal.call('login', { idNumber: a.idNumber, password: a.password, captchaToken: await portal.captchaToken() });
    expect([locked.status, locked.body.code, locked.headers.get('retry-after')]).toEqual([429, 'LOGIN_LOCKED', String(lockMinutes * 60)]);
  });
});
