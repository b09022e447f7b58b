/**
 * Test harness: a real stub server on 127.0.0.1 with a settable clock and an in-memory store,
 * and a client that calls operations by operationId, as outside checks do.
 */
import { resolveRules, type RulesOverride } from '../rules';
import { buildOpenApi, startServer, ROUTES, type RunningServer } from '../stub-server/http';
import { residentIdCheckDigit, SettableClock, type PasswordHasher } from '../stub-server/portal';
import { createMemoryStore, type Store } from '../stub-server/store';
import { httpRequest } from '../sim/clients';
import { ContractChecker, watchAnswers, type OpenApiDoc } from './contract';

export const ADMIN = 'test-admin-token';
/** A cheap scrypt keeps tests fast; the cost is a rule like any other. */
export const FAST_HASH = { account: { scryptCost: 16 } } satisfies RulesOverride;

export interface Answer<T = any> { status: number; body: T; headers: Headers }

/** A client of any stub server, by URL: operations by operationId, as outside checks call them. */
export class PortalClient {
  constructor(readonly url: string, readonly adminToken: string = ADMIN) {}

  /** Calls an operation by operationId; path parameters are taken from `input`. */
  async call<T = any>(operationId: string, input: unknown = {}, token?: string): Promise<Answer<T>> {
    const route = ROUTES.find((r) => r.operationId === operationId);
    if (!route) throw new Error(`no route for ${operationId}`);
    // The same request the simulator's HttpClient sends; the harness also keeps the headers.
    const { path, body: payload } = httpRequest(route, input);
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.url + path, { method: route.method.toUpperCase(), headers, body: payload });
    const type = res.headers.get('content-type') ?? '';
    const body = type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer());
    return { status: res.status, body: body as T, headers: res.headers };
  }

  admin<T = any>(operationId: string, input: unknown = {}): Promise<Answer<T>> {
    return this.call<T>(operationId, input, this.adminToken);
  }

  async captchaToken(): Promise<string> {
    const challenge = (await this.call('getCaptcha')).body;
    return (await this.call('solveCaptcha', { id: challenge.id, x: challenge.targetX })).body.captchaToken;
  }

  /** The newest code sent to a recipient. */
  async lastCode(recipient: string): Promise<string> {
    const outbox = (await this.admin('readOutbox', { recipient })).body as { code?: string }[];
    const code = outbox.find((m) => m.code)?.code;
    if (!code) throw new Error(`no code sent to ${recipient}`);
    return code;
  }

  /** Registers an applicant by SMS code and signs in; returns the token and what was used. */
  async signUp(overrides: Partial<Applicant> = {}): Promise<Applicant & { token: string }> {
    const applicant = { ...nextApplicant(), ...overrides };
    const sms = await this.call('requestSmsCode', { phone: applicant.phone, purpose: 'register', captchaToken: await this.captchaToken() });
    if (sms.status !== 200) throw new Error(`requestSmsCode ${sms.status} ${JSON.stringify(sms.body)}`);
    const reg = await this.call('registerAccount', { ...applicant, code: await this.lastCode(applicant.phone), captchaToken: await this.captchaToken(), agreementAccepted: true });
    if (reg.status !== 201) throw new Error(`registerAccount ${reg.status} ${JSON.stringify(reg.body)}`);
    return { ...applicant, token: await this.signIn(applicant) };
  }

  async signIn(applicant: { idNumber: string; password: string }): Promise<string> {
    const res = await this.call('login', { idNumber: applicant.idNumber, password: applicant.password, captchaToken: await this.captchaToken() });
    if (res.status !== 201) throw new Error(`login ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.token;
  }

  /** Signs up, completes the profile and passes real-name verification. */
  async verifiedApplicant(overrides: Partial<Applicant> = {}): Promise<Applicant & { token: string }> {
    const applicant = await this.signUp(overrides);
    const profile = await this.call('completeProfile', { ethnicity: '汉族' }, applicant.token);
    if (profile.status !== 200) throw new Error(`completeProfile ${profile.status} ${JSON.stringify(profile.body)}`);
    const verified = await this.call('verifyRealName', {}, applicant.token);
    if (verified.body?.status !== 'passed') throw new Error(`verifyRealName ${verified.status} ${JSON.stringify(verified.body)}`);
    return applicant;
  }
}

/** A stub started in this process, with a settable clock and (by default) an in-memory store. */
export class TestPortal extends PortalClient {
  private constructor(readonly server: RunningServer, readonly clock: SettableClock) {
    super(server.url);
  }

  /** Starts at a Beijing-time moment in the registration season unless told otherwise; `passwords` replaces the rules' scrypt hasher. */
  static async start(options: { now?: string; rules?: RulesOverride; store?: Store; passwords?: PasswordHasher } = {}): Promise<TestPortal> {
    const clock = new SettableClock(Date.parse(options.now ?? '2026-09-14T10:00:00+08:00'));
    const rules = resolveRules({ ...options.rules, account: { ...FAST_HASH.account, ...options.rules?.account } });
    const server = await startServer({ rules, clock, store: options.store ?? createMemoryStore(), adminToken: ADMIN, port: 0, passwords: options.passwords });
    watchServer(server);
    return new TestPortal(server, clock);
  }

  close(): Promise<void> { return this.server.close(); }

  /** Moves the server clock to a moment (ISO with offset) or by milliseconds. */
  async at(moment: string): Promise<void> { this.clock.set(Date.parse(moment)); }
  async advance(ms: number): Promise<void> { this.clock.advance(ms); }
}

/** Checkers by document: a rule set's document is compiled once per test file. */
const checkers = new Map<string, ContractChecker>();

/** Holds every answer of a test server to the server's own OpenAPI document (test/contract.ts). */
export function watchServer(server: RunningServer): void {
  const doc = buildOpenApi(server.portal) as OpenApiDoc;
  const key = JSON.stringify(doc);
  let checker = checkers.get(key);
  if (!checker) checkers.set(key, (checker = new ContractChecker(doc)));
  watchAnswers(server.server, () => checker);
}

export interface Applicant {
  idType: 'resident-id' | 'hk-macau-permit' | 'taiwan-permit' | 'residence-permit';
  idNumber: string;
  name: string;
  idValidFrom: string;
  idValidTo: string;
  password: string;
  email: string;
  phone: string;
}

/** A valid resident ID for a birth date and sequence (GB 11643 check digit). */
export function residentId(area = '110101', birth = '19900307', seq = 1): string {
  const first17 = `${area}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckDigit(first17);
}

let serial = 0;
/** A fresh, valid applicant (distinct ID number and phone each call). */
export function nextApplicant(): Applicant {
  serial += 1;
  return {
    idType: 'resident-id',
    idNumber: residentId('350102', '19880601', serial % 1000),
    name: '张伟',
    idValidFrom: '2016-01-01',
    idValidTo: '2036-01-01',
    password: 'Teach#2026',
    email: `${100000 + serial}@qq.com`,
    phone: `138${String(serial).padStart(8, '0')}`,
  };
}

/** A moment as the portal's answers write it: Beijing time with its offset (the expected value, computed apart). */
export const beijingIso = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
