/**
 * The kill -9 soak: `jszg-sim serve --db FILE` under a write load (account registrations, SMS
 * requests, real-name attempts, registration submissions), SIGKILLed at deterministic
 * pseudo-random moments and restarted on the same file, again and again. After every restart:
 *
 * - the file loads (the server comes up at all);
 * - every acknowledged change is there: the accounts whose registration was answered 201, the
 *   application numbers answered 201 (this round's, a sample of earlier rounds', and at the end
 *   all of them), and the held counts never fall below what was acknowledged;
 * - quotas still count what was consumed before the crash: a phone that got k codes gets at
 *   most q − k more today, q the rules' daily SMS quota (so one that got q gets 429 at once); an
 *   account that used k real-name attempts has at most the daily attempts − k left.
 *
 * The moments of the kills come from a seeded generator; the load's interleaving depends on
 * the machine, so the checks are inequalities over what was acknowledged, never exact counts
 * (a request the kill cut may or may not have been applied).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { resolveRules } from '../../rules';
import { FAST_HASH, type Answer, type Applicant, type PortalClient } from '../../test/harness';
import { application, INSTITUTION, readyApplicant, type Ready } from '../../test/registration-fixtures';
import { spawnServer, type SpawnedServer } from '../../test/spawn-server';
import { expectAccount, expectApplication, expectCode, expectStatus, shuffle, sleep, soakApplicant, soakPhone } from './checks';

export interface SoakOptions {
  /** SIGKILLs (at least 20 for the promise). */
  kills: number;
  /** Seeds the kill moments and the load's choices. */
  seed?: string;
  /** A kill comes this long after the round's load starts, drawn uniformly (ms). */
  killAfterMs?: { min: number; max: number };
  /** Concurrent clients in the load. */
  workers?: number;
  /** Per round: phones driven to their SMS quota, accounts driven to their real-name quota, registration submissions. */
  perRound?: { smsPhones: number; realNameAccounts: number; submissions: number };
  log?: (line: string) => void;
}

export interface SoakReport {
  kills: number;
  seed: string;
  acknowledged: { accounts: number; applications: number; smsCodes: number; realNameAttempts: number };
  /** Phones that had their day's codes (the rules' quota) acknowledged before a kill, and were refused right after it. */
  exhaustedPhonesChecked: number;
  /** Accounts that had their day's real-name attempts acknowledged before a kill, and were refused right after it. */
  exhaustedRealNameChecked: number;
  /** Requests cut by a kill (no complete answer). */
  cut: number;
  seconds: number;
}

// The quotas of the rules the soak's server runs on (FAST_HASH changes only the hashing).
const SERVED_RULES = resolveRules(FAST_HASH);
const SMS_PER_DAY = SERVED_RULES.codes.smsPerPhonePerDay;
const ATTEMPTS_PER_DAY = SERVED_RULES.realName.attemptsPerDay;
const CLOCK_START = '2026-09-14T10:00:00+08:00';

/** Thrown into a worker when the server it talked to was killed. */
class Cut extends Error {}

interface RoundPlan {
  phones: string[];
  realName: (Applicant & { token: string })[];
  submitters: Ready[];
}

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const seed = options.seed ?? 'jszg-soak';
  const killAfter = options.killAfterMs ?? { min: 100, max: 600 };
  const workers = options.workers ?? 6;
  const perRound = options.perRound ?? { smsPhones: 3, realNameAccounts: 2, submissions: 2 };
  const log = options.log ?? (() => {});
  const started = performance.now();
  const rng = seedrandom(seed);
  const between = (min: number, max: number) => Math.floor(min + rng() * (max - min + 1));

  const dir = await mkdtemp(join(tmpdir(), 'jszg-soak-'));
  const db = join(dir, 'portal.json');
  const rulesFile = join(dir, 'rules.json');
  await writeFile(rulesFile, JSON.stringify(FAST_HASH));
  const start = () => spawnServer(['--db', db, '--clock', 'settable', '--clock-start', CLOCK_START, '--rules', rulesFile]);

  // What was acknowledged, across every round.
  const accounts: Applicant[] = [];
  const applications = new Map<string, Ready>();
  const smsAcked = new Map<string, number>();
  const attemptsAcked = new Map<string, number>();
  const report: SoakReport = {
    kills: 0, seed, acknowledged: { accounts: 0, applications: 0, smsCodes: 0, realNameAttempts: 0 },
    exhaustedPhonesChecked: 0, exhaustedRealNameChecked: 0, cut: 0, seconds: 0,
  };

  let server: SpawnedServer | undefined;
  try {
    // Setup, no kills: the institution, and each round's applicants that need a long preparation.
    server = await start();
    const setup = server.client;
    expectStatus(await setup.admin('seedInstitutions', [INSTITUTION]), 200, 'seedInstitutions');
    const plans: RoundPlan[] = [];
    for (let round = 0; round < options.kills; round += 1) {
      const plan: RoundPlan = { phones: [], realName: [], submitters: [] };
      for (let i = 0; i < perRound.smsPhones; i += 1) plan.phones.push(soakPhone('137'));
      for (let i = 0; i < perRound.realNameAccounts; i += 1) {
        const a = await setup.signUp(soakApplicant());
        expectStatus(await setup.call('completeProfile', { ethnicity: '汉族' }, a.token), 200, 'completeProfile');
        // The registry holds another name: every attempt fails, and every attempt counts.
        expectStatus(await setup.admin('seedIdentities', [{ idNumber: a.idNumber, name: '李娜' }]), 200, 'seedIdentities');
        plan.realName.push(a);
      }
      for (let i = 0; i < perRound.submissions; i += 1) plan.submitters.push(await readyApplicant(setup));
      plans.push(plan);
    }
    log(`setup: ${options.kills} rounds prepared in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    for (let round = 0; round < options.kills; round += 1) {
      const plan = plans[round]!;
      const client = server.client;
      let killed = false;
      /** One request; a request cut by the kill throws Cut and acknowledges nothing. */
      const call = async (operationId: string, input: unknown = {}, token?: string): Promise<Answer> => {
        if (killed) throw new Cut();
        try {
          return await client.call(operationId, input, token);
        } catch (error) {
          if (killed) { report.cut += 1; throw new Cut(); }
          throw error;
        }
      };
      const captcha = async () => {
        const challenge = (await call('getCaptcha')).body;
        return (await call('solveCaptcha', { id: challenge.id, x: challenge.targetX })).body.captchaToken as string;
      };

      // The round's tasks, in a seeded order; account registrations go between them and fill the rest.
      const tasks: (() => Promise<void>)[] = [];
      for (const phone of plan.phones) {
        for (let i = 0; i < SMS_PER_DAY + 2; i += 1) {
          tasks.push(async () => {
            const res = await call('requestSmsCode', { phone, purpose: 'register', captchaToken: await captcha() });
            if (res.status === 200) smsAcked.set(phone, (smsAcked.get(phone) ?? 0) + 1);
            else expectStatus(res, 429, `requestSmsCode ${phone}`);
          });
        }
      }
      for (const a of plan.realName) {
        for (let i = 0; i < ATTEMPTS_PER_DAY + 1; i += 1) {
          tasks.push(async () => {
            const res = await call('verifyRealName', {}, a.token);
            if (res.status === 200) attemptsAcked.set(a.idNumber, (attemptsAcked.get(a.idNumber) ?? 0) + 1);
            else expectStatus(res, 429, 'verifyRealName');
          });
        }
      }
      for (const a of plan.submitters) {
        tasks.push(async () => {
          const res = await call('submitRegistration', application(a), a.token);
          expectStatus(res, 201, 'submitRegistration');
          applications.set(res.body.applicationNumber, a);
        });
      }
      shuffle(tasks, rng);
      const registerOne = async () => {
        const applicant = soakApplicant();
        const sms = await call('requestSmsCode', { phone: applicant.phone, purpose: 'register', captchaToken: await captcha() });
        expectStatus(sms, 200, 'requestSmsCode (registration)');
        const outbox = await call('readOutbox', { recipient: applicant.phone }, client.adminToken);
        const code = (outbox.body as { code?: string }[])[0]?.code;
        const res = await call('registerAccount', { ...applicant, code, captchaToken: await captcha(), agreementAccepted: true });
        expectStatus(res, 201, 'registerAccount');
        accounts.push(applicant);
      };
      const worker = async () => {
        try {
          // One step in three registers an account; the others take the round's tasks while any are left.
          for (;;) await ((rng() < 1 / 3 ? undefined : tasks.shift()) ?? registerOne)();
        } catch (error) {
          if (!(error instanceof Cut)) throw error;
        }
      };

      const killAt = between(killAfter.min, killAfter.max);
      const load = Promise.all(Array.from({ length: workers }, worker));
      load.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
      await sleep(killAt);
      killed = true;
      await server.kill();
      await load;
      report.kills += 1;

      // Restart on the same file: it must load, and hold everything acknowledged.
      server = await start();
      await checkRound(server.client, round, plan, rng);
      log(`kill ${round + 1}/${options.kills} after ${killAt} ms: ${accounts.length} accounts, ${applications.size} applications acknowledged so far; all there`);
    }

    // At the end, every acknowledged account and application, one by one.
    for (const a of accounts) await expectAccount(server.client, a);
    for (const [applicationNumber, a] of applications) await expectApplication(server.client, applicationNumber, a);
  } finally {
    await server?.kill();
    await rm(dir, { recursive: true, force: true });
  }

  report.acknowledged = {
    accounts: accounts.length,
    applications: applications.size,
    smsCodes: [...smsAcked.values()].reduce((a, b) => a + b, 0),
    realNameAttempts: [...attemptsAcked.values()].reduce((a, b) => a + b, 0),
  };
  report.seconds = Math.round((performance.now() - started) / 100) / 10;
  return report;

  async function checkRound(client: PortalClient, round: number, plan: RoundPlan, random: () => number) {
    const where = `after kill ${round + 1}`;
    const stats = (await client.admin('getStats')).body;
    // Accounts: this round's setup + registrations; held never below what was acknowledged.
    if (stats.held.accounts < accounts.length) throw new Error(`${where}: ${stats.held.accounts} accounts held, ${accounts.length} acknowledged`);
    if (stats.held.registrations < applications.size) throw new Error(`${where}: ${stats.held.registrations} applications held, ${applications.size} acknowledged`);
    // Every application so far (a few per round), and the newest accounts plus a sample of older ones.
    for (const [applicationNumber, a] of applications) await expectApplication(client, applicationNumber, a, where);
    const recent = accounts.slice(-40);
    const sample = Array.from({ length: Math.min(10, accounts.length) }, () => accounts[Math.floor(random() * accounts.length)]!);
    for (const a of [...recent, ...sample]) await expectAccount(client, a, where);

    // Quotas: what was consumed before the kill still counts.
    for (const phone of plan.phones) {
      const acked = smsAcked.get(phone) ?? 0;
      let more = 0;
      for (;;) {
        const res = await client.call('requestSmsCode', { phone, purpose: 'register', captchaToken: await client.captchaToken() });
        if (res.status === 429) { expectCode(res, 'SMS_DAILY_QUOTA_EXCEEDED', where); break; }
        expectStatus(res, 200, `${where}: requestSmsCode`);
        more += 1;
      }
      if (acked + more > SMS_PER_DAY) throw new Error(`${where}: phone ${phone} got ${acked} codes before the kill and ${more} after: the quota forgot`);
      if (acked === SMS_PER_DAY) report.exhaustedPhonesChecked += 1;
    }
    for (const a of plan.realName) {
      const acked = attemptsAcked.get(a.idNumber) ?? 0;
      const res = await client.call('verifyRealName', {}, a.token);
      if (acked >= ATTEMPTS_PER_DAY) {
        expectCode(res, 'REAL_NAME_DAILY_QUOTA_EXCEEDED', where);
        report.exhaustedRealNameChecked += 1;
      } else if (res.status === 200) {
        const left = res.body.attemptsLeft as number;
        if (left > ATTEMPTS_PER_DAY - acked - 1) throw new Error(`${where}: ${acked} attempts acknowledged before the kill, yet ${left} left after one more`);
      } else {
        expectCode(res, 'REAL_NAME_DAILY_QUOTA_EXCEEDED', where); // the kill cut attempts that did count
      }
    }
  }
}
