import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRules } from '../../rules';
import { ROUTES } from '../../stub-server/http';
import { scenarioByName } from '../../scenarios';
import type { PortalClient } from '../../sim/clients';
import { createPopulation } from '../../sim/population';
import { RandomStreams } from '../../sim/random';
import { seedApplicant } from '../../sim/runner';
import { ADMIN, TestPortal } from '../../test/harness';
import { exportK6Script } from '..';
import { PARTS, pagesOf } from '../journeys';
import { runScript, type Recorded, type RecordedRequest } from './helpers';

/**
 * The journeys run against a real stub (in-process, its clock inside the window), k6's
 * modules stood in: the requests they make are the stub's routes, tagged and checked, and
 * the stub accepts them (every check passes), so a k6 run does what the script claims.
 * Each step of the plan has an iteration number of its own, so its requests are told apart.
 */
const scenario = scenarioByName('default');
const script = exportK6Script(scenario);
const province = 'province_35';
const NEW = [0, 1];
const RETURNING = [2, 3, 4, 5, 6, 7];
const QUERY = 8;
let portal: TestPortal;
let run: Recorded & { errors: string[] };

beforeAll(async () => {
  portal = await TestPortal.start({ now: `${scenario.provinces[0]!.window.from}T10:00:00+08:00` });
  run = await runScript(script, { BASE_URL: portal.url, ADMIN_TOKEN: ADMIN }, [
    ...NEW.map((iteration) => ({ scenario: province, iteration, run: 'newApplicant' })),
    ...RETURNING.map((iteration) => ({ scenario: province, iteration, run: 'returningApplicant' })),
    { scenario: province, iteration: QUERY, run: 'certificateQuery' },
    ...Array.from({ length: 6 }, (_, i) => ({ scenario: province, iteration: QUERY + 1 + i, run: 'applicant' })),
  ]);
}, 60_000);
afterAll(async () => { await portal.close(); });

const pathPattern = (path: string) => new RegExp(`^${path.replace(/:\w+/g, '[^/?]+')}(\\?.*)?$`);
const calls = (op: string) => run.requests.filter((r) => r.tags.name === op);
const made = (iteration: number) => run.requests.filter((r) => r.iteration === iteration);
const opsOf = (requests: RecordedRequest[]) => requests.map((r) => r.tags.name!);
const answered = (requests: RecordedRequest[], op: string) => requests.filter((r) => r.tags.name === op).map((r) => r.status);
/** The account a returning applicant's journey seeded (its one seedAccounts entry). */
const seededAccount = (iteration: number): Record<string, unknown> => {
  const seeds = made(iteration).filter((r) => r.tags.name === 'seedAccounts');
  expect(seeds.length, `iteration ${iteration} seeds one account`).toBe(1);
  const body = JSON.parse(seeds[0]!.body!) as Record<string, unknown>[];
  expect(body.length).toBe(1);
  return body[0]!;
};
/** From the first page after signing in and passing real name to the end; a school is added by whoever comes first. */
const wizard = (iteration: number) => {
  const ops = opsOf(made(iteration));
  return ops.slice(ops.indexOf('getRegistrationNotice')).filter((op) => op !== 'addSchool');
};

describe('exported journeys against the stub', () => {
  it('run to their end: no errors, every check passes', () => {
    expect(run.errors).toEqual([]);
    expect(run.checks.filter((c) => !c.passed)).toEqual([]);
  });

  it('tag every request with an operationId of the stub, sent to its method and path', () => {
    expect(run.requests.length).toBeGreaterThan(0);
    for (const request of run.requests) {
      expect(request.tags.name, request.url).toBe(request.tags.operationId);
      const route = ROUTES.find((r) => r.operationId === request.tags.name);
      expect(route, `${request.tags.name} is not a route of the stub`).toBeDefined();
      expect(request.method).toBe(route!.method.toUpperCase());
      expect(request.url.slice(portal.url.length)).toMatch(pathPattern(route!.path));
    }
  });

  it('check every operation they call', () => {
    for (const op of new Set(run.requests.map((r) => r.tags.name!))) {
      expect(run.checks.filter((c) => c.name.startsWith(`${op} answers `)).length, op).toBe(calls(op).length);
    }
  });

  it('new applicants register, sign in, complete the profile, pass real name, submit and check the status', () => {
    for (const iteration of NEW) {
      const requests = made(iteration);
      const ops = opsOf(requests);
      expect(answered(requests, 'registerAccount'), `iteration ${iteration}`).toEqual([201]);
      expect(ops.indexOf('registerAccount')).toBeLessThan(ops.indexOf('login'));
      expect(answered(requests, 'completeProfile')).toEqual([200]);
      expect(answered(requests, 'verifyRealName')).toEqual([200]);
      expect(ops).not.toContain('seedAccounts');
      expect(answered(requests, 'submitRegistration')).toEqual([201]);
      expect(answered(requests, 'getRegistration')).toEqual([200]);
      expect(ops.at(-1)).toBe('logout');
    }
  });

  it('returning applicants, seeded with an earlier year\'s account, sign in, pass real name if they have not, submit and check the status', () => {
    const verified = RETURNING.map((iteration) => seededAccount(iteration).realNameVerified);
    // The scenario's share (default one half) draws both kinds here.
    expect(new Set(verified)).toEqual(new Set([true, false]));
    for (const iteration of RETURNING) {
      const requests = made(iteration);
      const ops = opsOf(requests);
      const account = seededAccount(iteration);
      expect(answered(requests, 'seedAccounts'), `iteration ${iteration}`).toEqual([200]);
      expect(answered(requests, 'seedCertificates')).toEqual([200]);
      expect(ops.indexOf('seedAccounts')).toBeLessThan(ops.indexOf('login'));
      expect(JSON.parse(requests.find((r) => r.tags.name === 'login')!.body!).idNumber).toBe(account.idNumber);
      // No registration, no first-login profile: the account has both from its year.
      for (const op of ['requestSmsCode', 'readOutbox', 'registerAccount', 'completeProfile']) expect(ops).not.toContain(op);
      expect(answered(requests, 'verifyRealName')).toEqual(account.realNameVerified ? [] : [200]);
      expect(answered(requests, 'submitRegistration')).toEqual([201]);
      expect(answered(requests, 'getRegistration')).toEqual([200]);
      expect(ops.at(-1)).toBe('logout');
      // Signed in, the same wizard as a new applicant's, page for page.
      expect(wizard(iteration)).toEqual(wizard(NEW[0]!));
    }
  });

  it('seed a returning applicant\'s account as the simulator does (sim/runner/world.ts)', async () => {
    const population = createPopulation({
      rng: new RandomStreams(1).stream('population'), size: 1_000, staleRate: 0, provinces: ['35'], persona: { hasAccount: 1, accountBefore2019: 0 },
    });
    // One on the main path, as the script's: a resident ID, the certificate in the registry.
    const applicant = [...population].find((a) => a.idType === 'resident-id' && !a.persona.handAddedCertificate && !a.staleRecord)!;
    const seeded: { op: string; input: unknown }[] = [];
    const recorder: PortalClient = {
      call: async () => { throw new Error('the world seeds through admin operations'); },
      admin: async (op, input) => { seeded.push({ op, input }); return { status: 200, body: {} }; },
    };
    await seedApplicant(recorder, applicant, { rules: resolveRules(scenario.rules), seasonFrom: scenario.provinces[0]!.window.from }, { verifiedAccount: false, ctidFixes: false });
    const simulator = (seeded.find((s) => s.op === 'seedAccounts')!.input as Record<string, unknown>[])[0]!;
    const k6 = seededAccount(RETURNING[0]!);
    expect(Object.keys(k6).sort()).toEqual(Object.keys(simulator).sort());
    for (const field of ['idType', 'registeredAt']) expect(k6[field], field).toBe(simulator[field]);
    expect(seeded.map((s) => s.op)).toEqual(['seedCertificates', 'seedAccounts']);
  });

  it('let an employer query a certificate', () => {
    expect(answered(made(QUERY), 'queryCertificate')).toEqual([200]);
    expect(calls('queryCertificate').map((r) => r.status)).toContain(200);
  });

  it('read each SMS code from the stub\'s outbox (test control)', () => {
    expect(calls('readOutbox').length).toBe(calls('requestSmsCode').length);
    expect(calls('readOutbox').every((r) => r.status === 200)).toBe(true);
  });

  it('draw journeys by the mix in applicant(), each to its end', () => {
    const drawn = Array.from({ length: 6 }, (_, i) => made(QUERY + 1 + i));
    for (const requests of drawn) {
      const ops = opsOf(requests);
      const ends = ops.includes('queryCertificate') || (answered(requests, 'submitRegistration').includes(201) && ops.at(-1) === 'logout');
      expect(ends, ops.join(' ')).toBe(true);
    }
  });
});

describe('the journeys\' text', () => {
  it('counts the pages of the shared part a journey goes through: the VU estimate sees the returning applicant\'s wizard', () => {
    const wizardPages = PARTS.signInAndRegister.split('think(rng)').length - 1;
    expect(wizardPages).toBeGreaterThan(5);
    expect(pagesOf('returningApplicant')).toBe(wizardPages);
    expect(pagesOf('newApplicant')).toBe(wizardPages + 2);
    expect(pagesOf('certificateQuery')).toBe(1);
  });

  it('gives the shared part once, and the scenario\'s share of verified accounts (default one half)', () => {
    expect(script.split('function signInAndRegister(').length - 1).toBe(1);
    expect(script).toContain('const VERIFIED_ACCOUNTS = 0.5;');
    expect(exportK6Script(scenarioByName('review-backlog'))).toContain('const VERIFIED_ACCOUNTS = 0.2;');
  });
});
