import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestPortal } from '../../../test/harness';

let portal: TestPortal;
beforeEach(async () => { portal = await TestPortal.start({ now: '2026-09-14T22:00:00+08:00' }); });
afterEach(() => portal.close());

const ask = async (phone: string) =>
  portal.call('requestSmsCode', { phone, purpose: 'register', captchaToken: await portal.captchaToken() });

describe('SMS codes (SPEC §1)', () => {
  it('refuses the 4th code of a Beijing day with 429 and Retry-After until midnight, and accepts it after', async () => {
    for (let i = 0; i < 3; i += 1) expect((await ask('13800000001')).status).toBe(200);
    const fourth = await ask('13800000001');
    expect(fourth.status).toBe(429);
    expect(fourth.headers.get('content-type')).toContain('application/problem+json');
    expect(fourth.body.code).toBe('SMS_DAILY_QUOTA_EXCEEDED');
    expect(fourth.headers.get('retry-after')).toBe(String(2 * 3600)); // 22:00 → 00:00 Beijing
    // Another phone is not affected.
    expect((await ask('13800000002')).status).toBe(200);
    await portal.at('2026-09-14T23:59:59+08:00');
    expect((await ask('13800000001')).status).toBe(429);
    await portal.at('2026-09-15T00:00:00+08:00');
    expect((await ask('13800000001')).status).toBe(200);
  });

  it('counts the quota per phone across purposes', async () => {
    const token = async () => portal.captchaToken();
    await portal.call('requestSmsCode', { phone: '13900000001', purpose: 'register', captchaToken: await token() });
    await portal.call('requestSmsCode', { phone: '13900000001', purpose: 'certificate-query', captchaToken: await token() });
    await portal.call('requestSmsCode', { phone: '13900000001', purpose: 'change-phone', captchaToken: await token() });
    expect((await portal.call('requestSmsCode', { phone: '13900000001', purpose: 'register', captchaToken: await token() })).status).toBe(429);
  });

  it('delivers a 6-digit code to the outbox only', async () => {
    const res = await ask('13800000003');
    expect(JSON.stringify(res.body)).not.toMatch(/\b\d{6}\b/);
    expect(await portal.lastCode('13800000003')).toMatch(/^\d{6}$/);
  });

  it('needs a valid, unused captcha token, used up whatever the outcome', async () => {
    const token = await portal.captchaToken();
    const bad = await portal.call('requestSmsCode', { phone: '12345', purpose: 'register', captchaToken: token });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['phone']);
    const reused = await portal.call('requestSmsCode', { phone: '13800000004', purpose: 'register', captchaToken: token });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('CAPTCHA_INVALID');
  });

  it('lets a code expire after 5 minutes', async () => {
    const applicant = { idType: 'resident-id', idNumber: '360426199101010071', name: '李娜', idValidFrom: '2015-01-01', idValidTo: '2035-01-01', password: 'Abc#12345', email: '12345678@qq.com', phone: '13700000001' };
    await ask(applicant.phone);
    const code = await portal.lastCode(applicant.phone);
    await portal.advance(5 * 60_000);
    const late = await portal.call('registerAccount', { ...applicant, code, captchaToken: await portal.captchaToken(), agreementAccepted: true });
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('CODE_EXPIRED');
    await portal.advance(-1);
    const inTime = await portal.call('registerAccount', { ...applicant, code, captchaToken: await portal.captchaToken(), agreementAccepted: true });
    expect(inTime.status).toBe(201);
  });
});
