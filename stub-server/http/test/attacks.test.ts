/**
 * The stub tried as an attacker would (issue "the stub under attack"): each test is one break
 * found against `jszg-sim serve`, and fails on the code that had it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRules } from '../../../rules';
import { scryptHasher, type PasswordHasher } from '../../../stub-server/portal';
import { nextApplicant, TestPortal } from '../../../test/harness';

let portal: TestPortal;
beforeAll(async () => { portal = await TestPortal.start(); });
afterAll(() => portal.close());

const who = (a: { idType: string; idNumber: string; name: string }) => ({ idType: a.idType, idNumber: a.idNumber, name: a.name });
const wrong = (code: string) => String((Number(code) + 1) % 10 ** code.length).padStart(code.length, '0');
const { maxWrongAttempts, resetEmailsPerDay } = defaultRules.codes;

describe('codes and links', () => {
  it(`voids a code after ${maxWrongAttempts} wrong attempts: the right one is then refused`, async () => {
    const applicant = await portal.signUp();
    await portal.call('requestSmsCode', { purpose: 'reset', ...who(applicant), captchaToken: await portal.captchaToken() });
    const code = await portal.lastCode(applicant.phone);
    const reset = (c: string) => portal.call('resetPasswordWithSms', { ...who(applicant), code: c, newPassword: 'Guess#2026' });
    for (let i = 1; i < maxWrongAttempts; i += 1) expect((await reset(wrong(code))).body.code).toBe('CODE_INVALID');
    expect((await reset(wrong(code))).body.code).toBe('CODE_ATTEMPTS_EXCEEDED');
    const right = await reset(code);
    expect(right.status).toBe(422);
    expect(right.body.code).toBe('CODE_ATTEMPTS_EXCEEDED');
    // A new code starts afresh.
    await portal.call('requestSmsCode', { purpose: 'reset', ...who(applicant), captchaToken: await portal.captchaToken() });
    expect((await reset(await portal.lastCode(applicant.phone))).status).toBe(200);
  });

  it('gives one account for one code, however many registrations race for it', async () => {
    const phone = '13700001111';
    await portal.call('requestSmsCode', { phone, purpose: 'register', captchaToken: await portal.captchaToken() });
    const code = await portal.lastCode(phone);
    const tokens = await Promise.all(Array.from({ length: 20 }, () => portal.captchaToken()));
    const answers = await Promise.all(tokens.map((captchaToken) =>
      portal.call('registerAccount', { ...nextApplicant(), phone, code, captchaToken, agreementAccepted: true })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.body.code === 'CODE_INVALID')).toHaveLength(19);
  });

  it('gives a code back when the call that took it did nothing', async () => {
    const applicant = await portal.signUp();
    const phone = '13700002222';
    await portal.call('requestSmsCode', { phone, purpose: 'register', captchaToken: await portal.captchaToken() });
    const code = await portal.lastCode(phone);
    // This ID already has an account: refused after the code was taken, so the code comes back.
    const taken = await portal.call('registerAccount', { ...nextApplicant(), idNumber: applicant.idNumber, phone, code, captchaToken: await portal.captchaToken(), agreementAccepted: true });
    expect(taken.body.code).toBe('ACCOUNT_EXISTS');
    const again = await portal.call('registerAccount', { ...nextApplicant(), phone, code, captchaToken: await portal.captchaToken(), agreementAccepted: true });
    expect(again.status).toBe(201);
  });
});

describe('sessions and links after a password change', () => {
  it('ends every other session when the password changes, and voids an outstanding reset link', async () => {
    const applicant = await portal.signUp();
    const other = await portal.signIn(applicant);
    await portal.call('sendResetEmail', { ...who(applicant), captchaToken: await portal.captchaToken() });
    const link = (await portal.admin('readOutbox', { recipient: applicant.email })).body[0].link;
    const changed = await portal.call('changePassword', { oldPassword: applicant.password, newPassword: 'Changed#2026' }, applicant.token);
    expect(changed.status).toBe(200);
    expect((await portal.call('getMe', {}, other)).status).toBe(401);
    expect((await portal.call('getMe', {}, applicant.token)).status).toBe(200);
    const token = new URL(link, 'http://x').searchParams.get('token');
    expect((await portal.call('resetPasswordWithEmailToken', { token, newPassword: 'Stale#2026' })).body.code).toBe('RESET_TOKEN_INVALID');
  });

  it('ends every session on a reset by SMS, and voids the email link sent before it', async () => {
    const applicant = await portal.signUp();
    const second = await portal.signIn(applicant);
    await portal.call('sendResetEmail', { ...who(applicant), captchaToken: await portal.captchaToken() });
    const link = (await portal.admin('readOutbox', { recipient: applicant.email })).body[0].link;
    await portal.call('requestSmsCode', { purpose: 'reset', ...who(applicant), captchaToken: await portal.captchaToken() });
    const sms = await portal.call('resetPasswordWithSms', { ...who(applicant), code: await portal.lastCode(applicant.phone), newPassword: 'BySms#2026' });
    expect(sms.status).toBe(200);
    for (const token of [applicant.token, second]) expect((await portal.call('getMe', {}, token)).status).toBe(401);
    const token = new URL(link, 'http://x').searchParams.get('token');
    expect((await portal.call('resetPasswordWithEmailToken', { token, newPassword: 'ByLink#2026' })).body.code).toBe('RESET_TOKEN_INVALID');
  });

  it('lets one of ten parallel password changes win; the rest change nothing', async () => {
    // A cost hashed on the thread pool, so the ten really overlap.
    const slow = await TestPortal.start({ rules: { account: { scryptCost: 4096 } } });
    try {
      const applicant = await slow.signUp();
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) =>
        slow.call('changePassword', { oldPassword: applicant.password, newPassword: `Parallel#${i}x` }, applicant.token)));
      const won = answers.findIndex((a) => a.status === 200);
      expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
      // The rest lost the race after their hash, or checked the old password after it was gone.
      expect(answers.filter((a) => ['PASSWORD_CHANGED_MEANWHILE', 'WRONG_CREDENTIALS'].includes(a.body.code))).toHaveLength(9);
      expect(await slow.signIn({ idNumber: applicant.idNumber, password: `Parallel#${won}x` })).toBeTruthy();
    } finally {
      await slow.close();
    }
  });

  it('keeps at most the rule\'s live sessions an account: the oldest ends first', async () => {
    const applicant = await portal.signUp();
    const tokens = [applicant.token];
    for (let i = 1; i <= defaultRules.login.maxSessionsPerAccount; i += 1) tokens.push(await portal.signIn(applicant));
    expect((await portal.call('getMe', {}, tokens[0])).status).toBe(401);
    for (const token of tokens.slice(1)) expect((await portal.call('getMe', {}, token)).status).toBe(200);
  });
});

describe('a third party cannot spend a victim\'s quotas', () => {
  it('sends a reset SMS only after step 1: a wrong name is refused and nothing is sent', async () => {
    const victim = await portal.signUp();
    const before = (await portal.admin('readOutbox', { recipient: victim.phone })).body.length;
    for (const guess of [{ idNumber: victim.idNumber }, { ...who(victim), name: '王芳' }]) {
      const answer = await portal.call('requestSmsCode', { purpose: 'reset', ...guess, captchaToken: await portal.captchaToken() });
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(JSON.stringify(answer.body)).not.toContain(victim.phone.slice(-2) + '"');
    }
    expect((await portal.admin('readOutbox', { recipient: victim.phone })).body.length).toBe(before);
  });

  it('asks a captcha before a WeChat code, and step 1 before a WeChat reset code', async () => {
    const victim = await portal.signUp();
    expect((await portal.call('requestWechatCode', { idNumber: victim.idNumber, purpose: 'reset' })).status).toBe(422);
    const noName = await portal.call('requestWechatCode', { idNumber: victim.idNumber, purpose: 'reset', captchaToken: await portal.captchaToken() });
    expect(noName.body.code).toBe('REQUIRED');
  });

  it(`sends at most ${resetEmailsPerDay} reset emails an account a day, each replacing the last link`, async () => {
    const applicant = await portal.signUp();
    const send = async () => portal.call('sendResetEmail', { ...who(applicant), captchaToken: await portal.captchaToken() });
    for (let i = 0; i < resetEmailsPerDay; i += 1) expect((await send()).status).toBe(200);
    const over = await send();
    expect(over.status).toBe(429);
    expect(over.body.code).toBe('RESET_EMAIL_DAILY_QUOTA_EXCEEDED');
    const links = (await portal.admin('readOutbox', { recipient: applicant.email })).body.map((m: { link: string }) => new URL(m.link, 'http://x').searchParams.get('token'));
    // Newest first: only the last link still works.
    expect((await portal.call('resetPasswordWithEmailToken', { token: links[1], newPassword: 'Older#2026' })).body.code).toBe('RESET_TOKEN_INVALID');
    expect((await portal.call('resetPasswordWithEmailToken', { token: links[0], newPassword: 'Newest#2026' })).status).toBe(200);
  });
});

describe('login timing', () => {
  // The work, not a stopwatch: a login's time is its hash, so an unknown ID must check one hash
  // of the same cost as a wrong password does (the decoy), or the time would tell which IDs exist.
  it('costs an unknown ID the same hash as a wrong password: one scrypt check at the rules’ cost', async () => {
    const rules = defaultRules;
    const real = scryptHasher(rules);
    const costs: string[] = [];
    const passwords: PasswordHasher = { ...real, verify: (password, stored) => { costs.push(stored.split('$')[1]!); return real.verify(password, stored); } };
    // The rules' real scrypt cost: the harness lowers it elsewhere for speed.
    const slow = await TestPortal.start({ rules: { account: { scryptCost: rules.account.scryptCost } }, passwords });
    try {
      const known = await slow.signUp();
      const checked = async (idNumber: string) => {
        costs.length = 0;
        const answer = await slow.call('login', { idNumber, password: 'NotIt#2026', captchaToken: await slow.captchaToken() });
        expect(answer.body.code).toBe('WRONG_CREDENTIALS');
        return [...costs];
      };
      const wrongPassword = await checked(known.idNumber);
      expect(wrongPassword).toEqual([String(rules.account.scryptCost)]);
      expect(await checked(nextApplicant().idNumber)).toEqual(wrongPassword);
    } finally {
      await slow.close();
    }
  });
});
