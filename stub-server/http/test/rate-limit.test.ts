import { afterEach, describe, expect, it } from 'vitest';
import type { RulesOverride } from '../../../rules';
import { ADMIN, TestPortal, type Answer } from '../../../test/harness';
import { ROUTES } from '../routes';
import { WindowLimiter } from '../rate-limit';

let portal: TestPortal | undefined;
afterEach(async () => { await portal?.close(); portal = undefined; });

const start = async (rules: RulesOverride) => (portal = await TestPortal.start({ now: '2026-09-14T10:00:00+08:00', rules }));

/** Calls an operation as a client at `address` (X-Forwarded-For, as a load generator gives it). */
async function from(address: string, operationId: string, body: unknown = {}, token?: string): Promise<Answer> {
  const route = ROUTES.find((r) => r.operationId === operationId)!;
  const headers: Record<string, string> = { 'x-forwarded-for': address, 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(portal!.url + route.path, { method: route.method.toUpperCase(), headers, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

/** A captcha token solved from `address` (two captcha calls). */
async function captchaFrom(address: string): Promise<string> {
  const challenge = (await from(address, 'getCaptcha')).body;
  return (await from(address, 'solveCaptcha', { id: challenge.id, x: challenge.targetX })).body.captchaToken;
}

const expectRateLimited = (answer: Answer, retryAfter: number) => {
  expect(answer.status).toBe(429);
  expect(answer.headers.get('content-type')).toContain('application/problem+json');
  expect(answer.body.code).toBe('RATE_LIMITED');
  expect(answer.headers.get('retry-after')).toBe(String(retryAfter));
};

describe('per-address rate limits (rules.rateLimits, on the server clock)', () => {
  it('refuses the N+1th captcha call of a minute from one address, not from another, and accepts it after the minute', async () => {
    const p = await start({ rateLimits: { captchaPerMinute: 5 } });
    for (let i = 0; i < 5; i += 1) expect((await from('10.0.0.1', 'getCaptcha')).status).toBe(200);
    expectRateLimited(await from('10.0.0.1', 'getCaptcha'), 60);
    // solveCaptcha shares the captcha limit.
    expectRateLimited(await from('10.0.0.1', 'solveCaptcha', { id: 'x', x: 1 }), 60);
    expect((await from('10.0.0.2', 'getCaptcha')).status).toBe(200);

    await p.advance(59_000);
    expectRateLimited(await from('10.0.0.1', 'getCaptcha'), 1);
    await p.advance(1_000); // the server's clock, not the wall clock, ends the window
    expect((await from('10.0.0.1', 'getCaptcha')).status).toBe(200);

    const stats = await p.admin('getStats');
    expect(stats.body.refused.RATE_LIMITED).toBe(3);
  });

  it('limits SMS requests (SMS and WeChat together) without touching the phone\'s daily quota', async () => {
    const p = await start({ rateLimits: { smsPerMinute: 2 } });
    const address = '10.0.1.1';
    const sms = async (phone: string) => from(address, 'requestSmsCode', { phone, purpose: 'register', captchaToken: await captchaFrom(address) });
    expect((await sms('13800000101')).status).toBe(200);
    expect((await from(address, 'requestWechatCode', { idNumber: '110101199003070011', purpose: 'register', captchaToken: await captchaFrom(address) })).status).toBe(200);
    expectRateLimited(await sms('13800000101'), 60);
    // The refused request never reached the portal: the phone has 2 of its 3 codes left.
    await p.advance(60_000);
    expect((await sms('13800000101')).body.remainingToday).toBe(1);
  });

  it('limits logins per address; a refused login is not a wrong password', async () => {
    const p = await start({ rateLimits: { loginPerMinute: 3 } });
    const a = await p.signUp(); // from 127.0.0.1
    const address = '10.0.2.1';
    const login = async (password: string) => from(address, 'login', { idNumber: a.idNumber, password, captchaToken: await captchaFrom(address) });
    for (let i = 0; i < 3; i += 1) expect((await login('Wrong#2026x')).status).toBe(401);
    for (let i = 0; i < 5; i += 1) expectRateLimited(await login('Wrong#2026x'), 60);
    await p.advance(60_000);
    // 3 wrong passwords counted, not 8: the account (locked after 5) still signs in.
    expect((await login(a.password)).status).toBe(201);
  });

  it('is off when a limit is 0 (the default)', async () => {
    await start({});
    for (let i = 0; i < 60; i += 1) expect((await from('10.0.3.1', 'getCaptcha')).status).toBe(200);
  });

  it('keeps its memory bounded: old windows are swept, and past the cap the oldest are dropped', () => {
    const limiter = new WindowLimiter(60_000, 100);
    for (let i = 0; i < 1000; i += 1) limiter.take(`a${i}`, 1, 0);
    expect(limiter.size).toBe(100);
    expect(limiter.take('a999', 1, 1).allowed).toBe(false);
    // A minute later on the given clock, one call sweeps every expired window.
    expect(limiter.take('fresh', 1, 60_000).allowed).toBe(true);
    expect(limiter.size).toBe(1);
    // A clock set backwards opens a new window rather than refusing for ever.
    expect(limiter.take('fresh', 1, 1_000).allowed).toBe(true);
    expect(limiter.take('fresh', 1, 1_000)).toEqual({ allowed: false, retryAfterMs: 60_000 });
  });
});

/** fuzz-transport.test.ts checks every route at its default limit; these check that each class follows its rule. */
describe('body limits (rules.limits, per route class)', () => {
  const LIMITS = { jsonBodyBytes: 1_000, uploadBodyBytes: 5_000, bulkBodyBytes: 20_000 };
  const post = async (path: string, method: string, bytes: number, body?: string): Promise<Answer> => {
    const payload = body ?? JSON.stringify({ pad: 'x'.repeat(bytes) });
    const res = await fetch(portal!.url + path, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` }, body: payload });
    return { status: res.status, body: await res.json(), headers: res.headers };
  };
  const pathOf = (operationId: string) => ROUTES.find((r) => r.operationId === operationId)!;
  const tooLarge = (answer: Answer) => {
    expect(answer.status).toBe(413);
    expect(answer.body.code).toBe('BODY_TOO_LARGE');
  };

  it('enforces the JSON limit on ordinary routes', async () => {
    await start({ limits: LIMITS });
    const route = pathOf('requestSmsCode');
    tooLarge(await post(route.path, 'POST', 2_000));
    expect((await post(route.path, 'POST', 500)).status).toBe(422); // read, then validated
  });

  it('enforces the upload limit on upload routes (larger than JSON, still bounded)', async () => {
    await start({ limits: LIMITS });
    for (const id of ['uploadPhoto', 'submitManualReview', 'addCertificate']) {
      const route = pathOf(id);
      expect(route.body).toBe('upload');
      expect((await post(route.path, 'POST', 2_000)).status, id).toBe(401); // read, then refused unsigned
      tooLarge(await post(route.path, 'POST', 6_000));
    }
  });

  it('enforces the bulk limit on admin seed routes', async () => {
    await start({ limits: LIMITS });
    for (const id of ['seedIdentities', 'seedCertificates', 'seedInstitutions']) {
      const route = pathOf(id);
      expect(route.body).toBe('bulk');
      const entries = (n: number) => JSON.stringify(Array.from({ length: n }, () => ({ idNumber: 'x'.repeat(40) })));
      expect((await post(route.path, 'POST', 0, entries(100))).status, id).toBe(422); // ~6 KB read, then validated
      tooLarge(await post(route.path, 'POST', 0, entries(500))); // ~28 KB
    }
  });
});
