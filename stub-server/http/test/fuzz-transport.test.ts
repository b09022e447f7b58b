/**
 * Property-based tests of what arrives before any operation reads it: broken JSON, other media
 * types, charsets and encodings, odd methods, paths and query strings, and bodies at each
 * route's size limit. Every answer is < 500 and well formed; the invariants hold after each run.
 */
import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRules } from '../../../rules';
import { ROUTES, type Route } from '../routes';
import { ADMIN, TestPortal } from '../../../test/harness';
import { clearFaults, exchange, expectInvariants, expectWellFormed, nastyString, pct, SEED } from '../../../test/fuzz-fixtures';
import { buildWorld, keepSessions, type World } from '../../../test/fuzz-world';

const START = '2026-09-14T10:00:00+08:00';
let portal: TestPortal;
let world: World;
beforeAll(async () => {
  portal = await TestPortal.start({ now: START });
  world = await buildWorld(portal);
}, 60_000);
afterAll(() => portal.close());

const withBody = ROUTES.filter((r) => r.method !== 'get');
const tokenOf = (route: Route) => {
  const access = portal.server.portal.operation(route.operationId)!.access;
  return access === 'admin' ? ADMIN : access === 'applicant' ? world.A.token : undefined;
};
const concretePath = (route: Route) => route.path.replace(/:\w+/g, world.A.applicationNumber);
const afterRun = async (route?: Route) => {
  if (route?.operationId === 'setFaults') await clearFaults(portal.url);
  portal.clock.set(Date.parse(START));
  keepSessions(portal, world);
  await expectInvariants(portal);
};

const BROKEN_JSON = [
  '{', '}', '{"phone": ', '{"a":1}}', '{"a":1,}', "{'a':1}", '[1,2', 'NaN', 'undefined', '{"a":undefined}', '\u0000', '\ufeff{}',
  '{"a":"\\ud800"}', '{"a":"\\u00"}', '{"a":1e999999}', '{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"x":1}}}',
  '"just a string"', '42', 'true', 'null', '[]', '[[]]', '{"a":' + '['.repeat(3000) + ']'.repeat(3000) + '}', '['.repeat(8000),
  '{"a":"' + '\\'.repeat(101) + '"}', '{"a":1, "a":2}', '\n\t {} \n',
];
const brokenBody: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.constantFrom(...BROKEN_JSON),
  fc.tuple(fc.json({ maxDepth: 3 }), fc.nat()).map(([json, cut]) => json.slice(0, cut % (json.length + 1))),
  fc.uint8Array({ maxLength: 2000 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

describe('fuzzing the transport', () => {
  it('answers broken and odd JSON bodies on every route with a body', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...withBody), brokenBody, async (route, body) => {
      const answer = await exchange(portal.url, {
        method: route.method.toUpperCase(), path: concretePath(route), body,
        headers: { 'content-type': 'application/json', ...(tokenOf(route) ? { authorization: `Bearer ${tokenOf(route)}` } : {}) },
      });
      expectWellFormed(answer);
      await afterRun(route);
    }), { seed: SEED, numRuns: 250 });
  });

  const contentTypes = [
    'application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1', 'application/json; charset=utf-16',
    'application/json; charset="', 'application/problem+json', 'application/merge-patch+json', 'text/plain', 'text/html',
    'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'image/jpeg', '*/*', ';;;', 'application/json, text/plain',
  ];
  const encodings = [undefined, 'gzip', 'deflate', 'br', 'identity', 'x-unknown', 'gzip, gzip'];
  it('answers any media type, charset and content encoding', async () => {
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...withBody), fc.constantFrom(...contentTypes), fc.constantFrom(...encodings),
      fc.oneof(fc.json({ maxDepth: 2 }), fc.uint8Array({ maxLength: 500 })),
      async (route, type, encoding, body) => {
        const headers: Record<string, string> = { 'content-type': type };
        if (encoding) headers['content-encoding'] = encoding;
        const token = tokenOf(route);
        if (token) headers.authorization = `Bearer ${token}`;
        expectWellFormed(await exchange(portal.url, { method: route.method.toUpperCase(), path: concretePath(route), headers, body }));
        await afterRun(route);
      },
    ), { seed: SEED, numRuns: 200 });
  });

  const segment = fc.oneof(
    nastyString.map(pct),
    fc.constantFrom('%', '%E0%A4%A', '%zz', '%00', '..', '.', '%2e%2e', '%2F', '', '~', '%ff%fe', '%C0%AF', 'x'.repeat(20_000)),
  );
  it('answers odd methods, paths and query strings', async () => {
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...ROUTES), fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'), segment, fc.boolean(),
      fc.array(fc.tuple(fc.oneof(nastyString.map(pct), fc.constantFrom('a[b]', 'a[]', '__proto__', 'constructor[prototype]', '')), segment), { maxLength: 6 }),
      async (route, method, seg, replaceParams, query) => {
        let path = replaceParams ? route.path.replace(/:\w+/g, seg) : `${concretePath(route)}/${seg}`;
        if (query.length > 0) path += `?${query.map(([k, v]) => `${k}=${v}`).join('&')}`;
        const token = tokenOf(route);
        const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
        const answer = await exchange(portal.url, { method, path, headers });
        if (method !== 'OPTIONS') expectWellFormed(answer);
        else expect(answer.status).toBeLessThan(500);
        await afterRun(route);
      },
    ), { seed: SEED, numRuns: 250 });
  });

  it('answers a garbage authorization header', async () => {
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...ROUTES.filter((r) => portal.server.portal.operation(r.operationId)!.access !== 'public')),
      fc.oneof(fc.stringMatching(/^[\x20-\x7e]{0,200}$/), fc.constantFrom('Bearer', 'Bearer ', 'bearer x', 'Basic dGVzdDp0ZXN0', `Bearer ${ADMIN} extra`, 'Bearer constructor', 'Bearer __proto__')),
      async (route, authorization) => {
        const answer = await exchange(portal.url, { method: route.method.toUpperCase(), path: concretePath(route), headers: { authorization } });
        expectWellFormed(answer);
        expect(answer.status, answer.label).toBeGreaterThanOrEqual(400);
      },
    ), { seed: SEED, numRuns: 150 });
  });
});

describe('body limits per route (rules.limits)', () => {
  const { jsonBodyBytes, uploadBodyBytes, bulkBodyBytes } = defaultRules.limits;
  const limitOf = (route: Route) => ({ json: jsonBodyBytes, upload: uploadBodyBytes, bulk: bulkBodyBytes })[route.body ?? 'json'];
  /** A JSON object of exactly `bytes` bytes. */
  const jsonOf = (bytes: number) => `{"pad":"${'x'.repeat(bytes - 10)}"}`;

  it.each(withBody.map((r) => [r.operationId, r] as const))('%s takes its limit and refuses a byte more with 413', async (_, route) => {
    const limit = limitOf(route);
    const send = (body: string) => exchange(portal.url, {
      method: route.method.toUpperCase(), path: concretePath(route), body,
      headers: { 'content-type': 'application/json', ...(tokenOf(route) ? { authorization: `Bearer ${tokenOf(route)}` } : {}) },
    });
    const over = await send(jsonOf(limit + 1));
    expectWellFormed(over);
    expect([over.status, over.json.code]).toEqual([413, 'BODY_TOO_LARGE']);
    const at = await send(jsonOf(limit));
    expectWellFormed(at);
    expect(at.status).not.toBe(413);
    await afterRun(route);
  });

  it('answers a request line over Node’s header limit with a 431 problem', async () => {
    const answer = await exchange(portal.url, { method: 'GET', path: `/api/schools?q=${'x'.repeat(20_000)}` });
    expectWellFormed(answer);
    expect([answer.status, answer.json.code]).toEqual([431, 'HEADERS_TOO_LARGE']);
    expect((await exchange(portal.url, { method: 'GET', path: '/healthz' })).status).toBe(200);
  });

  it('answers an Expect it cannot meet with a 417 problem, not Node\'s bare one', async () => {
    // fetch refuses to send Expect: a raw request does.
    const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = httpRequest(`${portal.url}/healthz`, { headers: { expect: 'the-moon' } }, (res) => {
        let body = '';
        res.on('data', (chunk) => { body += chunk; });
        res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(answer.type).toContain('application/problem+json');
    expect([answer.status, JSON.parse(answer.body).code]).toEqual([417, 'EXPECTATION_FAILED']);
  });
});

describe('the settable clock stays within four-digit years', () => {
  it.each([
    [{ advanceMs: Number.MAX_SAFE_INTEGER }], [{ advanceMs: -Number.MAX_SAFE_INTEGER }], [{ now: '9999-12-31T23:59:59+00:00' }],
    [{ now: '1969-12-31T23:59:59Z' }], [{ now: START, advanceMs: 8.64e15 }], [{ now: '2026-02-30T00:00:00Z' }],
  ])('refuses %j with 422 CLOCK_OUT_OF_RANGE (or a format error) and keeps the clock', async (body) => {
    const answer = await exchange(portal.url, { method: 'POST', path: '/admin/clock', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expectWellFormed(answer);
    expect(answer.status).toBe(422);
    expect(portal.clock.now()).toBe(Date.parse(START));
    expect((await portal.call('getCaptcha')).status).toBe(200);
  });
});
