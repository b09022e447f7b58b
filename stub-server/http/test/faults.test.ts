import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleDelay } from '../../portal';
import { ADMIN, TestPortal } from '../../../test/harness';
import { spawnServer, type SpawnedServer } from '../../../test/spawn-server';

let portal: TestPortal;
beforeEach(async () => { portal = await TestPortal.start({ now: '2026-09-14T10:00:00+08:00' }); });
afterEach(() => portal.close());

const setFaults = async (config: unknown) => {
  const res = await portal.call('setFaults', config, ADMIN);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res;
};
const injected = async () => (await portal.admin('getFaults')).body.injected;
const timed = async <T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const t0 = performance.now();
  const value = await run();
  return { ms: performance.now() - t0, value };
};
const sms = async (phone: string) => portal.call('requestSmsCode', { phone, purpose: 'register', captchaToken: await portal.captchaToken() });
/** Signed up with the profile completed; the registry holds another name, so attempts fail (and count). */
async function failingApplicant() {
  const a = await portal.signUp();
  expect((await portal.call('completeProfile', { ethnicity: '汉族' }, a.token)).status).toBe(200);
  await portal.admin('seedIdentities', [{ idNumber: a.idNumber, name: '李娜' }]);
  return a;
}

describe('injected latency', () => {
  it('delays the faulted operation by at least the fixed delay, and only that one', async () => {
    await setFaults({ operations: { getRegistrationNotice: { latency: 150 } } });
    for (let i = 0; i < 3; i += 1) {
      const { ms, value } = await timed(() => portal.call('getRegistrationNotice'));
      expect(value.status).toBe(200);
      expect(ms).toBeGreaterThanOrEqual(150);
    }
    await portal.call('getCaptcha');
    await portal.call('searchSchools', { name: '师范' });
    expect(await injected()).toEqual({ getRegistrationNotice: { delayed: 3, delayMs: 450, errors: 0, outageRefusals: 0 } });
  });

  it('does not hold up other requests while it waits (a timer, not a blocked server)', async () => {
    await setFaults({ operations: { getRegistrationNotice: { latency: 400 } } });
    const order: string[] = [];
    const slow = portal.call('getRegistrationNotice').then(() => order.push('slow'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const fast = portal.call('getCaptcha').then(() => order.push('fast'));
    await Promise.all([slow, fast]);
    expect(order).toEqual(['fast', 'slow']);
  });

  it('draws from a distribution: uniform stays in its range; a seed repeats the draws', async () => {
    await setFaults({ operations: { getRegistrationNotice: { latency: { distribution: 'uniform', min: 100, max: 130 } } } });
    for (let i = 0; i < 3; i += 1) expect((await timed(() => portal.call('getRegistrationNotice'))).ms).toBeGreaterThanOrEqual(100);
    const total = (await injected()).getRegistrationNotice.delayMs;
    expect(total).toBeGreaterThanOrEqual(300);
    expect(total).toBeLessThanOrEqual(390);

    const seeded = { seed: 7, operations: { getCaptcha: { latency: { distribution: 'exponential', mean: 5 } } } };
    const run = async () => {
      await setFaults(seeded); // setting the configuration restarts the seeded stream
      for (let i = 0; i < 5; i += 1) await portal.call('getCaptcha');
      return (await injected()).getCaptcha.delayMs;
    };
    expect(await run()).toBe(await run());
  });

  it('samples each distribution within its bounds', () => {
    let u = 0;
    const uniform = () => { u = (u + 0.37) % 1; return u; };
    for (let i = 0; i < 200; i += 1) {
      expect(sampleDelay({ distribution: 'fixed', ms: 42 }, uniform)).toBe(42);
      const x = sampleDelay({ distribution: 'uniform', min: 10, max: 20 }, uniform);
      expect(x).toBeGreaterThanOrEqual(10);
      expect(x).toBeLessThanOrEqual(20);
      expect(sampleDelay({ distribution: 'exponential', mean: 50 }, uniform)).toBeGreaterThanOrEqual(0);
      const ln = sampleDelay({ distribution: 'lognormal', median: 100, sigma: 4 }, uniform);
      expect(ln).toBeGreaterThanOrEqual(0);
      expect(ln).toBeLessThanOrEqual(60_000); // cut to MAX_DELAY_MS
    }
  });
});

describe('injected errors', () => {
  it('fails every call at rate 1.0 with the chosen status, without running the operation', async () => {
    await setFaults({ operations: { requestSmsCode: { error: { rate: 1, status: 502 } } } });
    for (let i = 0; i < 5; i += 1) {
      const res = await sms('13800000201');
      expect(res.status).toBe(502);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe('INJECTED_FAULT');
    }
    expect((await portal.admin('readOutbox', { recipient: '13800000201' })).body).toEqual([]);
    expect((await injected()).requestSmsCode.errors).toBe(5);
    expect((await portal.admin('getStats')).body.refused.INJECTED_FAULT).toBe(5);
  });

  it('fails no call at rate 0.0', async () => {
    await setFaults({ operations: { getCaptcha: { error: { rate: 0, status: 500 } } } });
    for (let i = 0; i < 30; i += 1) expect((await portal.call('getCaptcha')).status).toBe(200);
  });

  it('applies "*" to public and applicant operations, never to admin ones; an operation\'s own entry wins', async () => {
    await setFaults({ operations: { '*': { error: { rate: 1, status: 500 } }, getRegistrationNotice: { error: { rate: 0 } } } });
    expect((await portal.call('getCaptcha')).status).toBe(500);
    expect((await portal.call('getMe', {}, 'no-session')).status).toBe(500);
    expect((await portal.call('getRegistrationNotice')).status).toBe(200);
    expect((await portal.admin('getStats')).status).toBe(200);
    await setFaults({});
    expect((await portal.call('getCaptcha')).status).toBe(200);
  });
});

describe('injected outage windows (server clock)', () => {
  it('refuses inside the window with 503 and Retry-After to its end, and not outside', async () => {
    await setFaults({ operations: { getCaptcha: { outage: { from: '2026-09-14T10:05:00+08:00', to: '2026-09-14T10:10:00+08:00' } } } });
    expect((await portal.call('getCaptcha')).status).toBe(200);
    await portal.at('2026-09-14T10:05:00+08:00');
    const down = await portal.call('getCaptcha');
    expect(down.status).toBe(503);
    expect(down.body.code).toBe('INJECTED_OUTAGE');
    expect(down.headers.get('retry-after')).toBe('300');
    expect((await portal.call('getRegistrationNotice')).status).toBe(200); // only that operation
    await portal.at('2026-09-14T10:09:59+08:00');
    expect((await portal.call('getCaptcha')).headers.get('retry-after')).toBe('1');
    await portal.at('2026-09-14T10:10:00+08:00');
    expect((await portal.call('getCaptcha')).status).toBe(200);
    expect((await injected()).getCaptcha.outageRefusals).toBe(2);
  });
});

describe('the SMS gateway and the public-security registry', () => {
  const window = { from: '2026-09-14T10:00:00+08:00', to: '2026-09-14T11:00:00+08:00' };

  it('a cut SMS gateway answers 503 and consumes none of the phone\'s quota', async () => {
    await setFaults({ smsGateway: { outage: window } });
    for (let i = 0; i < 4; i += 1) {
      const res = await sms('13800000301');
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('SMS_GATEWAY_UNAVAILABLE');
      expect(res.headers.get('retry-after')).toBe('3600');
    }
    expect((await portal.admin('readOutbox', { recipient: '13800000301' })).body).toEqual([]);
    await portal.at('2026-09-14T11:00:00+08:00');
    for (let i = 0; i < 3; i += 1) expect((await sms('13800000301')).status).toBe(200);
    expect((await sms('13800000301')).body.code).toBe('SMS_DAILY_QUOTA_EXCEEDED');
  });

  it('a failing SMS gateway (error rate) consumes nothing either; WeChat codes are not its business', async () => {
    await setFaults({ smsGateway: { error: { rate: 1 } } });
    expect((await sms('13800000302')).body.code).toBe('SMS_GATEWAY_UNAVAILABLE');
    expect((await portal.call('requestWechatCode', { idNumber: '110101199003070011', purpose: 'register', captchaToken: await portal.captchaToken() })).status).toBe(200);
    await setFaults({});
    expect((await sms('13800000302')).body.remainingToday).toBe(2);
  });

  it('a slow SMS gateway delays the requests that reach it', async () => {
    await setFaults({ smsGateway: { latency: 150 } });
    const { ms, value } = await timed(() => sms('13800000303'));
    expect(value.status).toBe(200);
    expect(ms).toBeGreaterThanOrEqual(150);
    expect(await injected()).toEqual({ smsGateway: { delayed: 1, delayMs: 150, errors: 0, outageRefusals: 0 } });
  });

  it('a cut registry answers 503 and uses up no real-name attempt', async () => {
    const a = await failingApplicant();
    await setFaults({ registry: { outage: window } });
    for (let i = 0; i < 4; i += 1) {
      const res = await portal.call('verifyRealName', {}, a.token);
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('REGISTRY_UNAVAILABLE');
      expect(res.headers.get('retry-after')).toBe('3600');
    }
    await portal.at('2026-09-14T11:00:00+08:00');
    for (const left of [2, 1, 0]) expect((await portal.call('verifyRealName', {}, a.token)).body).toMatchObject({ status: 'failed', attemptsLeft: left });
    expect((await portal.call('verifyRealName', {}, a.token)).body.code).toBe('REAL_NAME_DAILY_QUOTA_EXCEEDED');
  });

  it('a slow registry delays verifyRealName; a failing one uses up no attempt', async () => {
    const a = await failingApplicant();
    await setFaults({ registry: { latency: 150 } });
    const { ms, value } = await timed(() => portal.call('verifyRealName', {}, a.token));
    expect(value.body).toMatchObject({ status: 'failed', attemptsLeft: 2 });
    expect(ms).toBeGreaterThanOrEqual(150);
    await setFaults({ registry: { error: { rate: 1 } } });
    expect((await portal.call('verifyRealName', {}, a.token)).status).toBe(503);
    await setFaults({});
    expect((await portal.call('verifyRealName', {}, a.token)).body).toMatchObject({ attemptsLeft: 1 });
  });
});

describe('setFaults / getFaults (admin)', () => {
  it('needs the admin token', async () => {
    expect((await portal.call('setFaults', {})).status).toBe(401);
    expect((await portal.call('setFaults', {}, 'wrong')).status).toBe(403);
    const a = await portal.signUp();
    expect((await portal.call('setFaults', {}, a.token)).status).toBe(403);
    expect((await portal.call('getFaults')).status).toBe(401);
  });

  it('validates the configuration, naming every bad field, and keeps the old one', async () => {
    await setFaults({ operations: { login: { latency: 10 } } });
    const bad = await portal.call('setFaults', {
      operations: {
        login: { error: { rate: 1.5, status: 200 }, latency: { distribution: 'uniform', min: 50, max: 10 } },
        getCaptcha: { outage: { from: '2026-09-14T11:00:00+08:00', to: '2026-09-14T10:00:00+08:00' } },
        searchSchools: { latency: { distribution: 'gamma', mean: 3 } },
      },
      registry: { latency: -1 },
    }, ADMIN);
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const fields = bad.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining([
      'operations.login.error.rate', 'operations.login.error.status', 'operations.login.latency.max',
      'operations.getCaptcha.outage.to', 'operations.searchSchools.latency.distribution', 'registry.latency.ms',
    ]));
    const unknown = await portal.call('setFaults', { operations: { logn: { latency: 5 }, setFaults: { latency: 5 } } }, ADMIN);
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({ field: 'operations.logn', code: 'UNKNOWN_OPERATION' }),
      expect.objectContaining({ field: 'operations.setFaults', code: 'NOT_FAULTABLE' }),
    ]);
    // A `__proto__` key (kept as data by JSON.parse) is refused by name, not dropped.
    const proto = await portal.call('setFaults', { operations: JSON.parse('{"__proto__": {"latency": 5}}') }, ADMIN);
    expect(proto.status).toBe(422);
    expect(proto.body.errors).toEqual([expect.objectContaining({ field: 'operations.__proto__' })]);
    expect((await portal.admin('getFaults')).body.config).toEqual({ operations: { login: { latency: { distribution: 'fixed', ms: 10 } } } });
  });

  it('replaces the whole configuration; {} removes every fault', async () => {
    await setFaults({ operations: { login: { latency: 10 } }, smsGateway: { latency: 5 } });
    const set = await setFaults({ registry: { error: { rate: 0.5 } } });
    expect(set.body.config).toEqual({ operations: {}, registry: { error: { rate: 0.5 } } });
    await setFaults({});
    expect((await portal.admin('getFaults')).body).toEqual({ config: { operations: {} }, injected: {} });
  });
});

describe('jszg-sim serve --faults FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jszg-faults-'));
  let server: SpawnedServer | undefined;
  afterEach(async () => { await server?.kill(); server = undefined; });

  it('starts with the file\'s faults in force', async () => {
    const file = join(dir, 'faults.json');
    writeFileSync(file, JSON.stringify({ seed: 1, operations: { getCaptcha: { error: { rate: 1, status: 504 } } } }));
    server = await spawnServer(['--memory', '--faults', file]);
    expect((await server.client.call('getCaptcha')).status).toBe(504);
    expect((await server.client.admin('getFaults')).body.config.seed).toBe(1);
  });

  it('refuses a bad file, naming the field, exit code 2 (a usage error)', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ operations: { getCaptcha: { error: { rate: 2 } } }, smsGatway: {} }));
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'serve', '--memory', '--port', '0', '--faults', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('operations.getCaptcha.error.rate');
    expect(stderr).toContain('smsGatway');
  });
});
