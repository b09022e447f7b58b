import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextApplicant, residentId, TestPortal } from '../../../test/harness';

let portal: TestPortal;
beforeAll(async () => { portal = await TestPortal.start(); });
afterAll(() => portal.close());

/** Registers with an SMS code; returns the answer of registerAccount. */
async function register(fields: object) {
  const phone = String((fields as { phone?: string }).phone);
  await portal.call('requestSmsCode', { phone, purpose: 'register', captchaToken: await portal.captchaToken() });
  return portal.call('registerAccount', { code: await portal.lastCode(phone), captchaToken: await portal.captchaToken(), agreementAccepted: true, ...fields });
}

const fieldsOf = (body: { errors?: { field: string; code: string }[] }) => Object.fromEntries((body.errors ?? []).map((e) => [e.field, e.code]));

describe('ID types (SPEC §1, §8)', () => {
  const cases = [
    { idType: 'resident-id', valid: '11010519491231002X', invalid: '11010519491231002' + '1', code: 'ID_CHECKSUM' },
    { idType: 'hk-macau-permit', valid: 'H12345678', invalid: 'X12345678', code: 'ID_FORMAT' },
    { idType: 'taiwan-permit', valid: '87654321', invalid: '8765432', code: 'ID_FORMAT' },
    { idType: 'residence-permit', valid: '810000199408230021', invalid: '440308199901101512', code: 'ID_AREA_CODE' },
  ] as const;

  for (const c of cases) {
    it(`${c.idType}: accepts ${c.valid}, refuses ${c.invalid} with ${c.code}`, async () => {
      const ok = await register({ ...nextApplicant(), idType: c.idType, idNumber: c.valid });
      expect(ok.status, JSON.stringify(ok.body)).toBe(201);
      expect(ok.body.idNumber).toBe(c.valid);
      const bad = await register({ ...nextApplicant(), idType: c.idType, idNumber: c.invalid });
      expect(bad.status).toBe(422);
      expect(fieldsOf(bad.body).idNumber).toBe(c.code);
    });
  }

  it('refuses an impossible birth date in a resident ID', async () => {
    const bad = await register({ ...nextApplicant(), idNumber: residentId('110101', '19900230', 5) });
    expect(fieldsOf(bad.body).idNumber).toBe('ID_BIRTH_DATE');
  });

  it('normalises a lower-case x and a permit\'s renewal count away', async () => {
    const lower = await register({ ...nextApplicant(), idNumber: '11010119900307803x' });
    expect(lower.body.idNumber).toBe('11010119900307803X');
    const renewal = await register({ ...nextApplicant(), idType: 'hk-macau-permit', idNumber: 'M8765432101' });
    expect(renewal.body.idNumber).toBe('M87654321');
  });

  it('keeps one account per ID number', async () => {
    const applicant = nextApplicant();
    expect((await register(applicant)).status).toBe(201);
    const again = await register({ ...applicant, phone: '13611112222' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ACCOUNT_EXISTS');
  });
});

describe('registration fields (SPEC §1)', () => {
  it('names every failing field at once, the first field\'s code on top', async () => {
    const bad = await register({
      ...nextApplicant(), idNumber: '360426199101010072', password: 'abcdefgh', email: '12345@qq。com', name: '张3', agreementAccepted: false,
    });
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad.body)).toMatchObject({
      idNumber: 'ID_CHECKSUM', password: 'PASSWORD_POLICY', email: 'EMAIL_FULLWIDTH_STOP', name: 'NAME_FORMAT',
    });
    expect(bad.body.code).toBe(bad.body.errors[0].code);
  });

  it.each([
    ['Abcdefg1', 'no special character'],
    ['Abc#1', 'too short'],
    ['Abcdefg#', 'no digit'],
    ['12345678#', 'no letter'],
    ['Abcdef1+', 'a special character outside # % * - _ ! @ $ &'],
  ])('refuses password %s (%s)', async (password) => {
    const bad = await register({ ...nextApplicant(), password });
    expect(fieldsOf(bad.body).password).toBe('PASSWORD_POLICY');
  });

  it('accepts each allowed special character', async () => {
    for (const ch of '#%*-_!@$&') {
      const ok = await register({ ...nextApplicant(), password: `Teacher1${ch}` });
      expect(ok.status, ch).toBe(201);
    }
  });

  it('wants the numeric form of a QQ mailbox', async () => {
    expect(fieldsOf((await register({ ...nextApplicant(), email: 'teacher@qq.com' })).body).email).toBe('EMAIL_QQ_ALIAS');
    expect((await register({ ...nextApplicant(), email: 'teacher@163.com' })).status).toBe(201);
  });

  it('refuses an expired ID document and an unaccepted agreement', async () => {
    const bad = await register({ ...nextApplicant(), idValidFrom: '2006-01-01', idValidTo: '2016-01-01', agreementAccepted: false });
    expect(fieldsOf(bad.body)).toMatchObject({ idValidTo: 'ID_EXPIRED', agreementAccepted: 'AGREEMENT_REQUIRED' });
  });

  it('accepts a WeChat code instead of an SMS code', async () => {
    const applicant = nextApplicant();
    expect((await portal.call('requestWechatCode', { idNumber: applicant.idNumber, purpose: 'register', captchaToken: await portal.captchaToken() })).status).toBe(200);
    const ok = await portal.call('registerAccount', {
      ...applicant, code: await portal.lastCode(applicant.idNumber), captchaToken: await portal.captchaToken(), agreementAccepted: true,
    });
    expect(ok.status).toBe(201);
  });

  it('uses a code up only on success', async () => {
    const applicant = nextApplicant();
    await portal.call('requestSmsCode', { phone: applicant.phone, purpose: 'register', captchaToken: await portal.captchaToken() });
    const code = await portal.lastCode(applicant.phone);
    const failed = await portal.call('registerAccount', { ...applicant, password: 'weak', code, captchaToken: await portal.captchaToken(), agreementAccepted: true });
    expect(failed.status).toBe(422);
    const ok = await portal.call('registerAccount', { ...applicant, code, captchaToken: await portal.captchaToken(), agreementAccepted: true });
    expect(ok.status).toBe(201);
    const reused = await portal.call('registerAccount', { ...nextApplicant(), phone: applicant.phone, code, captchaToken: await portal.captchaToken(), agreementAccepted: true });
    expect(reused.body.code).toBe('CODE_INVALID');
  });
});

describe('login and sessions (SPEC §1, §7)', () => {
  it('signs in with a captcha token and answers 401 for a wrong password', async () => {
    const applicant = await portal.signUp();
    const me = await portal.call('getMe', {}, applicant.token);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ idNumber: applicant.idNumber, profileComplete: false, realName: { status: 'unverified' } });
    expect(JSON.stringify(me.body)).not.toContain(applicant.phone);
    const wrong = await portal.call('login', { idNumber: applicant.idNumber, password: 'Wrong#123', captchaToken: await portal.captchaToken() });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('WRONG_CREDENTIALS');
    const noCaptcha = await portal.call('login', { idNumber: applicant.idNumber, password: applicant.password, captchaToken: 'made-up' });
    expect(noCaptcha.body.code).toBe('CAPTCHA_INVALID');
    expect((await portal.call('getMe', {}, 'not-a-token')).status).toBe(401);
  });

  it('locks an account after 5 wrong passwords for 15 minutes', async () => {
    const applicant = await portal.signUp();
    const attempt = async (password: string) =>
      portal.call('login', { idNumber: applicant.idNumber, password, captchaToken: await portal.captchaToken() });
    for (let i = 0; i < 5; i += 1) expect((await attempt('Wrong#123')).status).toBe(401);
    const locked = await attempt(applicant.password);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('LOGIN_LOCKED');
    expect(Number(locked.headers.get('retry-after'))).toBe(15 * 60);
    await portal.advance(15 * 60_000);
    expect((await attempt(applicant.password)).status).toBe(201);
  });

  it('expires a session after 2 hours and ends it on logout', async () => {
    const applicant = await portal.signUp();
    await portal.advance(2 * 3_600_000 - 1);
    expect((await portal.call('getMe', {}, applicant.token)).status).toBe(200);
    await portal.advance(1);
    const expired = await portal.call('getMe', {}, applicant.token);
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('SESSION_EXPIRED');
    const token = await portal.signIn(applicant);
    expect((await portal.call('logout', {}, token)).status).toBe(200);
    expect((await portal.call('getMe', {}, token)).status).toBe(401);
  });
});

describe('forgotten password (SPEC §2)', () => {
  const who = (a: { idType: string; idNumber: string; name: string }) => ({ idType: a.idType, idNumber: a.idNumber, name: a.name });

  it('offers email and SMS, and WeChat only once bound; contacts masked', async () => {
    const applicant = await portal.signUp({ phone: '13612345690' });
    const start = await portal.call('startPasswordReset', { ...who(applicant), captchaToken: await portal.captchaToken() });
    expect(start.body).toMatchObject({ methods: ['email', 'sms'], maskedPhone: '136****90' });
    expect(start.body.maskedEmail).toMatch(/^\d\*{5}@qq\.com$/);
    await portal.call('bindWechat', {}, applicant.token);
    expect((await portal.call('startPasswordReset', { ...who(applicant), captchaToken: await portal.captchaToken() })).body.methods).toEqual(['email', 'sms', 'wechat']);
    const mismatch = await portal.call('startPasswordReset', { ...who(applicant), name: '王芳', captchaToken: await portal.captchaToken() });
    expect(mismatch.status).toBe(404);
  });

  it('resets by email link within 24 hours, once', async () => {
    const applicant = await portal.signUp();
    expect((await portal.call('sendResetEmail', { ...who(applicant), captchaToken: await portal.captchaToken() })).status).toBe(200);
    const mail = (await portal.admin('readOutbox', { recipient: applicant.email })).body[0];
    const token = new URL(mail.link, 'http://x').searchParams.get('token');
    await portal.advance(24 * 3_600_000);
    expect((await portal.call('resetPasswordWithEmailToken', { token, newPassword: 'Fresh#2026' })).body.code).toBe('RESET_TOKEN_EXPIRED');
    await portal.call('sendResetEmail', { ...who(applicant), captchaToken: await portal.captchaToken() });
    const fresh = (await portal.admin('readOutbox', { recipient: applicant.email })).body[0];
    const freshToken = new URL(fresh.link, 'http://x').searchParams.get('token');
    expect((await portal.call('resetPasswordWithEmailToken', { token: freshToken, newPassword: 'Fresh#2026' })).status).toBe(200);
    expect((await portal.call('resetPasswordWithEmailToken', { token: freshToken, newPassword: 'Again#2026' })).body.code).toBe('RESET_TOKEN_INVALID');
    expect(await portal.signIn({ idNumber: applicant.idNumber, password: 'Fresh#2026' })).toBeTruthy();
  });

  it('two accounts giving one mailbox: readOutbox by idNumber shows each only its own reset link, and each link resets its own account', async () => {
    const first = await portal.signUp();
    const second = await portal.signUp({ email: first.email });
    for (const a of [first, second]) await portal.call('sendResetEmail', { ...who(a), captchaToken: await portal.captchaToken() });
    expect((await portal.admin('readOutbox', { recipient: first.email })).body).toHaveLength(2);
    const tokenOf = async (a: { idNumber: string; email: string }) => {
      const mail = await portal.admin('readOutbox', { recipient: a.email, idNumber: a.idNumber });
      expect(mail.body).toHaveLength(1);
      return new URL(mail.body[0].link, 'http://x').searchParams.get('token');
    };
    // The first account's link is the older of the two: the newest message in the mailbox is not its own.
    expect((await portal.call('resetPasswordWithEmailToken', { token: await tokenOf(first), newPassword: 'First#2026' })).status).toBe(200);
    expect((await portal.call('resetPasswordWithEmailToken', { token: await tokenOf(second), newPassword: 'Second#2026' })).status).toBe(200);
    expect(await portal.signIn({ idNumber: first.idNumber, password: 'First#2026' })).toBeTruthy();
    expect(await portal.signIn({ idNumber: second.idNumber, password: 'Second#2026' })).toBeTruthy();
  });

  it('resets by SMS code to the registered phone and by WeChat when bound', async () => {
    const applicant = await portal.signUp();
    await portal.call('requestSmsCode', { purpose: 'reset', ...who(applicant), captchaToken: await portal.captchaToken() });
    const sms = await portal.call('resetPasswordWithSms', { ...who(applicant), code: await portal.lastCode(applicant.phone), newPassword: 'BySms#2026' });
    expect(sms.status).toBe(200);
    const refused = await portal.call('requestWechatCode', { ...who(applicant), purpose: 'reset', captchaToken: await portal.captchaToken() });
    expect(refused.body.code).toBe('WECHAT_NOT_BOUND');
    await portal.call('bindWechat', {}, await portal.signIn({ idNumber: applicant.idNumber, password: 'BySms#2026' }));
    await portal.call('requestWechatCode', { ...who(applicant), purpose: 'reset', captchaToken: await portal.captchaToken() });
    const wechat = await portal.call('resetPasswordWithWechat', { ...who(applicant), code: await portal.lastCode(applicant.idNumber), newPassword: 'ByWx#2026' });
    expect(wechat.status).toBe(200);
    expect(await portal.signIn({ idNumber: applicant.idNumber, password: 'ByWx#2026' })).toBeTruthy();
  });

  it('refuses accounts registered before 2019-03-01: they must register again', async () => {
    await portal.at('2019-02-28T23:59:00+08:00');
    const old = await portal.signUp({ idValidTo: '2039-01-01' });
    await portal.at('2019-03-01T00:00:00+08:00');
    const recent = await portal.signUp({ idValidTo: '2039-01-01' });
    await portal.at('2026-09-14T10:00:00+08:00');
    const refused = await portal.call('startPasswordReset', { ...who(old), captchaToken: await portal.captchaToken() });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('REGISTER_AGAIN');
    expect((await portal.call('startPasswordReset', { ...who(recent), captchaToken: await portal.captchaToken() })).status).toBe(200);
    // Registering again replaces the old account; a post-2019 one is never replaced.
    const again = await portal.signUp({ ...old, phone: '13788889999', password: 'Again#2026' });
    expect(await portal.signIn(again)).toBeTruthy();
    const replaceRecent = await portal.call('registerAccount', { ...recent, code: '000000', captchaToken: await portal.captchaToken(), agreementAccepted: true });
    expect(replaceRecent.body.code).toBe('ACCOUNT_EXISTS');
  });
});

describe('profile (SPEC §3)', () => {
  it('asks permit holders for gender, birth date and local ID; residence permits also the permit number', async () => {
    const permit = await portal.signUp({ idType: 'residence-permit', idNumber: '830000199201300022' });
    const missing = await portal.call('completeProfile', { ethnicity: '汉族' }, permit.token);
    expect(missing.status).toBe(422);
    expect(Object.keys(fieldsOf(missing.body)).sort()).toEqual(['birthDate', 'gender', 'localIdNumber', 'permitNumber']);
    const done = await portal.call('completeProfile', { ethnicity: '汉族', gender: 'female', birthDate: '1992-01-30', localIdNumber: 'A123456789', permitNumber: '87654321' }, permit.token);
    expect(done.status).toBe(200);
    expect(done.body.profileComplete).toBe(true);
  });

  it('changes the phone with a code sent to the new number', async () => {
    const applicant = await portal.signUp();
    await portal.call('requestSmsCode', { phone: '15900000001', purpose: 'change-phone', captchaToken: await portal.captchaToken() });
    const changed = await portal.call('changePhone', { phone: '15900000001', code: await portal.lastCode('15900000001') }, applicant.token);
    expect(changed.body.maskedPhone).toBe('159****01');
  });

  it('changes the password only with the current one', async () => {
    const applicant = await portal.signUp();
    expect((await portal.call('changePassword', { oldPassword: 'Nope#1234', newPassword: 'Next#2026' }, applicant.token)).status).toBe(401);
    expect((await portal.call('changePassword', { oldPassword: applicant.password, newPassword: 'Next#2026' }, applicant.token)).status).toBe(200);
  });
});
