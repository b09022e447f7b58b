/**
 * What the journey tests run against: a stub (over HTTP on 127.0.0.1, or the domain in this
 * process) with a settable clock, synthetic applicants, the institution of their province, and
 * accounts from earlier years. Everything is put in place through the portal's own operations
 * (admin and applicant), the same way on both transports.
 */
import { resolveRules, type Rules } from '../../rules';
import { HttpClient, InProcessClient, type CallOptions, type PortalAnswer, type PortalClient } from '../../sim/clients';
import type { ApplicantRecord, ApplicantSession } from '../../sim/applicant';
import { Portal, SettableClock } from '../../stub-server/portal';
import { createMemoryStore } from '../../stub-server/store';
import { FAST_HASH, residentId, TestPortal } from '../../test/harness';
import type { Persona } from '../persona';

/** Journeys start on a Monday morning in the registration season (Beijing time). */
export const START = '2026-09-14T10:00:00+08:00';
export const DAY = 86_400_000;
export const RULES: Rules = resolveRules(FAST_HASH);
const OFFSET = RULES.time.utcOffsetMinutes;

// ---------------------------------------------------------------------------------------------
// Stubs.

/** A portal under test, whichever the transport. */
export interface Stub {
  transport: 'http' | 'in-process';
  client: PortalClient;
  /** The portal's clock (read in this process: both kinds of stub run here). */
  now(): number;
  close(): Promise<void>;
}

/** A fresh stub server on 127.0.0.1 (in-memory, settable clock, cheap scrypt), called over HTTP. */
export async function httpStub(now = START): Promise<Stub> {
  const portal = await TestPortal.start({ now });
  const client = new HttpClient(portal.url, portal.adminToken);
  return { transport: 'http', client, now: () => portal.clock.now(), close: () => portal.close() };
}

/** A fresh portal domain in this process with a settable clock, called directly. */
export async function inProcessStub(now = START): Promise<Stub> {
  const clock = new SettableClock(Date.parse(now));
  const store = createMemoryStore();
  const portal = new Portal({ rules: RULES, clock, store });
  return { transport: 'in-process', client: new InProcessClient(portal), now: () => clock.now(), close: () => store.close() };
}

/** Moves the stub's clock through the admin operation (the same call on both transports). */
export async function setClock(stub: Stub, to: { now: string } | { advanceMs: number }): Promise<void> {
  const answer = await stub.client.admin('setClock', to);
  if (answer.status !== 200) throw new Error(`setClock ${JSON.stringify(to)}: ${answer.status} ${JSON.stringify(answer.body)}`);
}

export const beijingDate = (ms: number) => new Date(ms + OFFSET * 60_000).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------
// Applicants.

export interface ApplicantOptions {
  idType?: ApplicantRecord['idType'];
  province?: '35' | '44';
}

const CITIES = { '35': '福州市', '44': '广州市' } as const;

/** A synthetic applicant: valid IDs, a QQ mailbox, a mobile number, a certificate to register. */
export function makeApplicant(index: number, persona: Persona, options: ApplicantOptions = {}): ApplicantRecord {
  const idType = options.idType ?? 'resident-id';
  const province = options.province ?? '35';
  const city = CITIES[province];
  const idNumber = idType === 'hk-macau-permit' ? `H${String(10_000_000 + index).slice(-8)}` : residentId(`${province}0102`, '19880601', index % 1000);
  const serial = String(index).padStart(6, '0');
  // Numbers as the registry writes them: from 2008 year + province + body + type + sex + serial
  // (17 digits); before, year + province + body + type + serial (15 digits).
  const [year, number] = persona.handAddedCertificate ? ['2005', `2005${province}0012${serial.slice(-5)}`] : ['2012', `2012${province}00121${serial}`];
  return {
    index,
    idType,
    idNumber,
    name: '张伟',
    gender: 'male',
    birthDate: '1988-06-01',
    ethnicity: '汉族',
    idValidFrom: '2016-01-01',
    idValidTo: '2036-01-01',
    ...(idType === 'resident-id' ? {} : { localIdNumber: `A${String(100_000 + index)}(3)` }),
    password: 'Teach#2026',
    email: `${100_000 + index}@qq.com`,
    phone: `138${String(index).padStart(8, '0')}`,
    province,
    city,
    stage: '小学',
    certificate: {
      number, holderName: '张伟', idNumber, qualificationType: '小学教师资格', subject: '语文',
      province, city, certifyingBody: `${city}教育局`, issueDate: `${year}-07-01`,
    },
    persona,
    staleRecord: persona.staleRecord,
  };
}

export const newSession = (a: ApplicantRecord): ApplicantSession => ({ password: a.password, address: `10.1.${Math.floor(a.index / 250) % 250}.${(a.index % 250) + 1}` });

/** The registry's entry of an applicant's certificate; an old one with its first registration, so it syncs. */
export function registryCertificate(a: ApplicantRecord) {
  const c = a.certificate;
  const old = Number(c.issueDate.slice(0, 4)) < 2008;
  return { ...c, holderName: a.name, idNumber: a.idNumber, ...(old && !c.lastRegistration ? { lastRegistration: { date: '2016-09-01', conclusion: '注册合格' } } : {}) };
}

/** The registration body of a province, with its online window and a confirmation point per stage. */
export function institution(province: string, window: { from: string; to: string }, over: { qualificationTypes?: string[]; stages?: string[] } = {}) {
  const city = CITIES[province as keyof typeof CITIES] ?? '某市';
  const stages = over.stages ?? ['小学', '初中'];
  return {
    id: `${province}-REG`, name: `${city}教育局`, province, city, stages,
    qualificationTypes: over.qualificationTypes ?? ['小学教师资格', '初级中学教师资格'],
    window,
    confirmationPoints: stages.map((stage) => ({ id: `${province}-P-${stage}`, name: `${city}${stage}教师确认点`, scope: { stages: [stage], description: `${stage}教师` } })),
  };
}

export async function expectStatus(answer: PortalAnswer, what: string, ...ok: number[]): Promise<PortalAnswer> {
  if (!ok.includes(answer.status)) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer;
}

/** Solves a slider captcha; the token for the next call. */
export async function captchaToken(client: PortalClient, options: CallOptions = {}): Promise<string> {
  const challenge = await expectStatus(await client.call('getCaptcha', {}, options), 'getCaptcha', 200);
  const solved = await expectStatus(await client.call('solveCaptcha', { id: challenge.body.id, x: challenge.body.targetX }, options), 'solveCaptcha', 200);
  return solved.body.captchaToken as string;
}

/** Signs the applicant in with the session's password; the new token is kept in the session. */
export async function signIn(client: PortalClient, a: ApplicantRecord, s: ApplicantSession): Promise<string> {
  const options = { address: s.address };
  const login = await expectStatus(await client.call('login', { idNumber: a.idNumber, password: s.password, captchaToken: await captchaToken(client, options) }, options), 'login', 201);
  s.token = login.body.token as string;
  return s.token;
}

/**
 * An account from an earlier year, registered as the applicant did then (WeChat code, so no SMS
 * of today's quota is spent): at `at`, after which the clock returns to where it was.
 */
export async function accountFromEarlierYear(stub: Stub, a: ApplicantRecord, s: ApplicantSession, options: { at: string; bindWechat: boolean }): Promise<void> {
  const back = new Date(stub.now()).toISOString();
  await setClock(stub, { now: options.at });
  await expectStatus(await registerNow(stub.client, a, s), 'registerAccount', 201);
  if (options.bindWechat) {
    await signIn(stub.client, a, s);
    await expectStatus(await stub.client.call('bindWechat', {}, { token: s.token, address: s.address }), 'bindWechat', 200);
    s.token = undefined;
  }
  await setClock(stub, { now: back });
}

/** Registers the applicant's account now, by a WeChat code. */
export async function registerNow(client: PortalClient, a: ApplicantRecord, s: ApplicantSession): Promise<PortalAnswer> {
  const options = { address: s.address };
  await expectStatus(await client.call('requestWechatCode', { idNumber: a.idNumber, purpose: 'register', captchaToken: await captchaToken(client, options) }, options), 'requestWechatCode', 200);
  const outbox = await client.admin('readOutbox', { recipient: a.idNumber.toUpperCase(), limit: 1 });
  const code = (outbox.body as { code?: string }[])[0]?.code ?? '';
  const form = {
    idType: a.idType, idNumber: a.idNumber, name: a.name, idValidFrom: a.idValidFrom, idValidTo: a.idValidTo,
    password: s.password, email: a.email, phone: a.phone, agreementAccepted: true, code,
  };
  return client.call('registerAccount', { ...form, captchaToken: await captchaToken(client, options) }, options);
}
