/**
 * 2019年3月1日之前注册的账号，不能进行密码重置，需要重新注册账号 (seeds 002/003 §1.2.2, 004): such an
 * account is told to register again at reset step 1, on every channel, before anything is sent:
 * no SMS, email or WeChat code, and none of the phone's, account's or ID's daily quotas spent.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultRules } from '../../../rules';
import { TestPortal } from '../../../test/harness';

let portal: TestPortal;
beforeAll(async () => { portal = await TestPortal.start(); });
afterAll(() => portal.close());

const who = (a: { idType: string; idNumber: string; name: string }) => ({ idType: a.idType, idNumber: a.idNumber, name: a.name });

it(`refuses a reset of an account registered before ${defaultRules.account.passwordResetFrom} at step 1, sending nothing and spending no quota`, async () => {
  await portal.at('2018-06-01T10:00:00+08:00');
  const old = await portal.signUp({ idValidTo: '2039-01-01' });
  await portal.at('2026-09-14T10:00:00+08:00');
  // Bound to WeChat (it still signs in with a remembered password), so even a WeChat reset is on offer to it.
  expect((await portal.call('bindWechat', {}, await portal.signIn(old))).status).toBe(200);
  const sent = async () => (await Promise.all([old.phone, old.email, old.idNumber].map((r) => portal.admin('readOutbox', { recipient: r })))).map((a) => a.body.length);
  const before = await sent();

  const steps = {
    startPasswordReset: who(old),
    requestSmsCode: { purpose: 'reset', ...who(old) },
    sendResetEmail: who(old),
    requestWechatCode: { purpose: 'reset', ...who(old) },
  };
  for (const [op, input] of Object.entries(steps)) {
    // Each channel asked again and again: a refusal that spent a quota would end in 429.
    for (let i = 0; i < 4; i += 1) {
      const answer = await portal.call(op, { ...input, captchaToken: await portal.captchaToken() });
      expect({ op, status: answer.status, code: answer.body.code }).toEqual({ op, status: 409, code: 'REGISTER_AGAIN' });
    }
  }
  expect(await sent()).toEqual(before);

  // Registering again, the phone still has its whole day's SMS quota and the ID its WeChat quota.
  const sms = await portal.call('requestSmsCode', { phone: old.phone, purpose: 'register', captchaToken: await portal.captchaToken() });
  expect(sms.body.remainingToday).toBe(defaultRules.codes.smsPerPhonePerDay - 1);
  const wechat = await portal.call('requestWechatCode', { idNumber: old.idNumber, purpose: 'register', captchaToken: await portal.captchaToken() });
  expect(wechat.body.remainingToday).toBe(defaultRules.codes.wechatPerIdPerDay - 1);
});
