/**
 * What the fuzz tests share: nasty values, raw HTTP exchanges with a timeout, the checks every
 * answer must pass, and the state invariants that must hold after every run.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { ROUTES, type Route } from '../stub-server/http';
import { checkIdNumber, cryptoRandom, normalizeIdNumber } from '../stub-server/portal';
import { personName } from '../stub-server/portal/fields';
import { leavesCertificateFree, TRANSITIONS } from '../stub-server/portal/registrations/transitions';
import { ADMIN, type TestPortal } from './harness';

/** Fixed, so CI replays the same inputs; FUZZ_SEED overrides it for exploring. */
export const SEED = Number(process.env.FUZZ_SEED ?? 20260914);
/** An answer slower than this is a hang. */
export const REQUEST_TIMEOUT_MS = 10_000;

/** Strings that break naive code: rare CJK (extension B), full-width digits and stop, combining and RTL marks, NUL. */
export const EDGE_STRINGS = [
  '', ' ', '\u3000', '𠀀', '𪚥', '𠮷', '張𠀀𪚥', '０１２３４５６７８９', '１３８００１３８０００', '１１０１０１１９９００３０７８０３Ｘ',
  '。', '12345@qq。com', 'a\u0301', 'e\u0301\u0302\u0303', '\u0301', '\u200f', '\u202e张伟', '\u200b', '\ufeff', '\u0000', '张\u0000伟',
  '\ud800', '\udfff', '🇨🇳', '👨‍👩‍👧', '\n', '\r\n', '\t', '·', '阿·买买提', '../../etc/passwd', '%00', '%E0%A4%A', '${7*7}', '<script>',
  "' OR '1'='1", '__proto__', 'constructor', 'toString', 'NaN', 'null', 'undefined', '-1', '1e309', '0x10', '2026-02-30', '9999-12-31',
  '+275760-09-13T00:00:00Z', '2026-09-14T10:00:00+08:00', '13800138000', '11010519491231002X', 'x'.repeat(201), '𠀀'.repeat(60),
];
const RARE_UNITS = ['𠀀', '𪚥', '𠮷', '张', '伟', '０', '９', '。', '\u0301', '\u200f', '\u0000', 'a', '1', 'X', '·', ' '];

/** A string value of any nastiness, up to well past every field's maximum (but mostly under body limits). */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...EDGE_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...RARE_UNITS), maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', '𠀀', '9', '\u0301'), fc.integer({ min: 100, max: 6000 })).map(([s, n]) => s.repeat(n)) },
);

/** Any JSON value a field could receive: wrong types included. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.constantFrom(0, -1, 1e308, -1e308, 0.5, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 8.64e15, 2 ** 31, 1e21) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** Keys a body should not have: prototype pollution attempts and privilege fields. */
export const extraKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'isAdmin', 'idNumber', 'token', 'conclusion', 'status'),
  fc.string({ maxLength: 12 }),
);

/** Numbers at and past the edges: unsafe integers, the end of Date's range, huge and negative. */
export const edgeNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 8.64e15, -8.64e15, 1e308, -1e308, 2 ** 53 + 2, 1e21) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1, 0.5, 2 ** 31, -(2 ** 31)) },
  { weight: 2, arbitrary: fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }) },
);

/**
 * Drops, replaces and adds fields of a template body. `set` puts anything in a field;
 * `tweak` keeps the field's type but pushes the value to an edge (a number to an extreme, a
 * string to a nasty one, a boolean flipped, an array emptied or repeated).
 */
export interface Mutation { drop: number[]; set: [number, unknown][]; tweak: [number, number, string, number][]; extra: [string, unknown][] }
export const mutation: fc.Arbitrary<Mutation> = fc.record({
  drop: fc.array(fc.nat(), { maxLength: 2 }),
  set: fc.array(fc.tuple(fc.nat(), nastyValue), { maxLength: 2 }),
  tweak: fc.array(fc.tuple(fc.nat(), edgeNumber, nastyString, fc.integer({ min: 0, max: 60 })), { maxLength: 3 }),
  extra: fc.array(fc.tuple(extraKey, nastyValue), { maxLength: 2 }),
});

function tweaked(value: unknown, n: number, s: string, times: number): unknown {
  if (typeof value === 'number') return n;
  if (typeof value === 'string') return s;
  if (typeof value === 'boolean') return !value;
  if (Array.isArray(value)) return Array.from({ length: times }, () => value[0] ?? s);
  return value;
}

export function mutate(template: unknown, m: Mutation): unknown {
  if (Array.isArray(template)) return template.length === 0 ? template : [mutate(template[0], m), ...template.slice(1)];
  const body: Record<string, unknown> = { ...(template as Record<string, unknown>) };
  const keys = Object.keys(body);
  if (keys.length > 0) {
    for (const i of m.drop) delete body[keys[i % keys.length]!];
    for (const [i, v] of m.set) body[keys[i % keys.length]!] = v;
    for (const [i, n, str, times] of m.tweak) body[keys[i % keys.length]!] = tweaked(body[keys[i % keys.length]!], n, str, times);
  }
  for (const [k, v] of m.extra) Object.defineProperty(body, k, { value: v, enumerable: true, writable: true, configurable: true });
  return body;
}

/** Percent-encodes every byte: safe for any string, lone surrogates included. */
export const pct = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

export interface Raw { method: string; path: string; headers?: Record<string, string>; body?: string | Uint8Array }
export interface RawAnswer { status: number; headers: Headers; text: string; json: any; label: string }

/** One exchange; a hang fails it (AbortSignal.timeout). */
export async function exchange(url: string, req: Raw): Promise<RawAnswer> {
  const label = `${req.method} ${req.path.slice(0, 200)}`;
  let res: Response;
  try {
    res = await fetch(url + req.path, { method: req.method, headers: req.headers, body: req.body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (error) {
    throw new Error(`${label}: no answer (${(error as Error).name}: ${(error as Error).message})`);
  }
  const text = await res.text();
  let json: any;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, headers: res.headers, text, json, label };
}

const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/** Every answer is < 500; a 4xx is problem+json with an upper-snake code; a 422 lists its errors; a 429 says when to retry. */
export function expectWellFormed(a: RawAnswer): void {
  const context = `${a.label} → ${a.status} ${a.text.slice(0, 300)}`;
  expect(a.status, context).toBeLessThan(500);
  if (a.status < 400) return;
  expect(a.headers.get('content-type') ?? '(none)', context).toContain('application/problem+json');
  expect(a.json, context).toMatchObject({ status: a.status, code: expect.stringMatching(UPPER_SNAKE), title: expect.any(String), detail: expect.any(String) });
  expect(a.text, context).not.toMatch(/at .*\.(ts|js):\d+/);
  if (a.status === 422) {
    expect(a.json.errors, context).toEqual(expect.arrayContaining([expect.objectContaining({ field: expect.any(String), code: expect.stringMatching(UPPER_SNAKE) })]));
    expect(a.json.code, context).toBe(a.json.errors[0].code);
  }
  if (a.status === 429) expect(a.headers.get('retry-after'), context).toMatch(/^\d+$/);
}

/** A request for a route: path parameters from the body, query string for GET and DELETE, JSON otherwise. */
export function requestFor(route: Route, body: unknown, token: string | undefined): Raw {
  const fields: Record<string, unknown> = body !== null && typeof body === 'object' && !Array.isArray(body) ? { ...body } : {};
  let path = route.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = fields[name];
    delete fields[name];
    return pct(typeof value === 'string' ? value : JSON.stringify(value) ?? '');
  });
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (route.method === 'get' || route.method === 'delete') {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) {
      for (const item of Array.isArray(v) ? v : [v]) query.append(k, typeof item === 'string' ? item : JSON.stringify(item) ?? '');
    }
    if ([...query].length > 0) path += `?${query}`;
    return { method: route.method.toUpperCase(), path, headers };
  }
  headers['content-type'] = 'application/json';
  const payload = body !== null && typeof body === 'object' && !Array.isArray(body) ? fields : body;
  return { method: route.method.toUpperCase(), path, headers, body: JSON.stringify(payload) ?? 'null' };
}

export const routeOf = (operationId: string): Route => ROUTES.find((r) => r.operationId === operationId)!;

/**
 * The state's invariants: quotas never exceeded and counted exactly, every account's ID number
 * valid, every registration's conclusion allowed, application numbers unique per live
 * certificate, at most one pending review, sessions owned and bounded.
 */
export async function expectInvariants(portal: TestPortal): Promise<void> {
  const { state, rules } = portal.server.portal.ctx;
  const ctx = portal.server.portal.ctx;
  const names = personName(rules);
  for (const [id, a] of state.accounts.entries()) {
    expect(a.idNumber, `account ${id}`).toBe(id);
    expect(normalizeIdNumber(a.idType, id, rules), `account ${id}`).toBe(id);
    expect(checkIdNumber(a.idType, id, rules), `account ${id}`).toBeNull();
    expect(names.safeParse(a.name).success, `account ${id} name ${a.name}`).toBe(true);
    expect(a.phone, `account ${id}`).toMatch(new RegExp(rules.account.phonePattern));
  }
  const sent = new Map<string, number>();
  for (const m of state.outbox.values()) {
    if (m.code === undefined) continue;
    const key = `${m.channel}|${m.recipient}|${ctx.dateOf(m.sentAt)}`;
    sent.set(key, (sent.get(key) ?? 0) + 1);
  }
  const limits: Record<string, number> = {
    sms: rules.codes.smsPerPhonePerDay, wechat: rules.codes.wechatPerIdPerDay, realName: rules.realName.attemptsPerDay, manualReview: rules.manualReview.perCycle,
  };
  for (const [key, n] of state.counters.entries()) {
    const kind = key.split('|')[0]!;
    if (limits[kind] !== undefined) expect(n, key).toBeLessThanOrEqual(limits[kind]);
    if (kind === 'sms' || kind === 'wechat') expect(sent.get(key) ?? 0, `${key}: codes in the outbox`).toBe(n);
  }
  for (const [key, n] of sent) expect(state.counters.get(key), `${key}: counted`).toBe(n);
  const live = new Set<string>();
  const numbers = new Set<string>();
  for (const [key, r] of state.registrations.entries()) {
    expect(r.applicationNumber, key).toBe(key);
    expect(r.applicationNumber, key).toMatch(/^\d{14}$/);
    expect(numbers.has(r.applicationNumber), key).toBe(false);
    numbers.add(r.applicationNumber);
    expect(Object.keys(TRANSITIONS), key).toContain(r.conclusion);
    expect(r.history.at(-1)?.to, key).toBe(r.conclusion);
    expect(state.accounts.has(r.idNumber), key).toBe(true);
    expect(state.photos.get(r.photoId)?.idNumber, `${key} photo`).toBe(r.idNumber);
    if (leavesCertificateFree(r.conclusion)) continue;
    const liveKey = `${r.idNumber}|${r.certificateNumber}|${r.season}`;
    expect(live.has(liveKey), `two live applications for ${liveKey}`).toBe(false);
    live.add(liveKey);
  }
  const pending = new Set<string>();
  const reviewsPerCycle = new Map<string, number>();
  for (const r of state.manualReviews.values()) {
    const key = `manualReview|${r.idNumber}|${r.cycle}`;
    reviewsPerCycle.set(key, (reviewsPerCycle.get(key) ?? 0) + 1);
    if (r.status !== 'pending') continue;
    expect(pending.has(r.idNumber), `two pending reviews for ${r.idNumber}`).toBe(false);
    pending.add(r.idNumber);
  }
  for (const [key, n] of reviewsPerCycle) expect(state.counters.get(key), key).toBe(n);
  for (const s of state.sessions.values()) {
    expect(state.accounts.has(s.idNumber), 'session owner').toBe(true);
    expect(s.expiresAt - s.createdAt).toBe(rules.login.sessionMinutes * 60_000);
  }
  const stats = await exchange(portal.url, { method: 'GET', path: '/admin/stats', headers: { authorization: `Bearer ${ADMIN}` } });
  expect(stats.status).toBe(200);
  expect(stats.json.held).toMatchObject({ accounts: state.accounts.size, registrations: state.registrations.size, sessions: state.sessions.size });
}

/** Removes every injected fault (setFaults `{}`): a fuzzed setFaults must not spill into the next run. */
export async function clearFaults(url: string): Promise<void> {
  const answer = await exchange(url, { method: 'PUT', path: '/admin/faults', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: '{}' });
  expect(answer.status, answer.text).toBe(200);
}

/** Keeps a fixture's session alive when a fuzzed logout (or a clock jump) ended it: the fuzz needs it for the next run. */
export function keepSession(portal: TestPortal, who: { idNumber: string; token: string }): void {
  const { state, rules } = portal.server.portal.ctx;
  if (state.sessions.has(who.token)) return;
  who.token = cryptoRandom.token();
  const now = portal.clock.now();
  state.sessions.set(who.token, { token: who.token, idNumber: who.idNumber, createdAt: now, expiresAt: now + rules.login.sessionMinutes * 60_000 });
}
