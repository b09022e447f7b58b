/**
 * A run over many cores would keep each applicant's portal records in the shard that runs the
 * applicant, and only what everyone shares in a coordinator (docs/parallel-runs.md). That is
 * faithful only if an applicant's calls read and write no one else's records. This test holds
 * the portal to it: it watches every table access in a run and checks that, inside an
 * applicant's call, every row of a per-applicant table belongs to the caller (their ID number,
 * phone or email), that no such table is scanned, and which shared tables and sequences the
 * calls use: a new one fails here until the design says how a sharded run serves it. And that
 * each of the run's own calls (the back office's decisions, a look at a phone's messages) touches
 * one applicant's rows at most, so a coordinator could send it to the shard that holds them.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scenarioByName } from '../../../scenarios';
import { Portal } from '../../../stub-server/portal';
import { Table } from '../../../stub-server/store';
import { CallerRandom } from '../../clients';
import type { Rng } from '../../random';
import { Mailboxes } from '../../population';
import { JourneyDriver } from '../journey-driver';
import { runScenario } from '..';

afterEach(() => { vi.restoreAllMocks(); });

/** Everyone's: read-only reference data, the schools applicants add, the portal's counters. */
const SHARED = new Set(['institutions', 'schools', 'sequences']);

type Row = Record<string, unknown> | undefined;
/** Who a row of a per-applicant table belongs to, from its key or its content (undefined: not known, a miss). */
type Owner = (key: string, row: Row) => string | undefined;
const theKey: Owner = (key) => key;
/** `kind|subject|…` (counters) or `channel|recipient|purpose` (codes). */
const keysSecond: Owner = (key) => key.split('|')[1];
const rowsIdNumber: Owner = (_key, row) => row?.idNumber as string | undefined;
const OWNER: Record<string, Owner> = {
  accounts: theKey, identities: theKey, loginGuards: theKey,
  counters: keysSecond, codes: keysSecond,
  // A reset email is its account's, whoever else gives the same mailbox.
  outbox: (_key, row) => (row?.idNumber ?? row?.recipient) as string | undefined,
  sessions: rowsIdNumber, manualReviews: rowsIdNumber, certificates: rowsIdNumber, photos: rowsIdNumber, registrations: rowsIdNumber,
};

/** Every applicant has an account, has forgotten its password, and resets it by email. */
const EMAIL_RESETS = { hasAccount: 1, accountBefore2019: 0, forgotPassword: 1, resetMethod: { sms: 0, email: 1, wechat: 0 } };

interface Access { caller: number; table: string; owner: string; how: string }
/** One of the run's own calls, and whose rows it touched. */
interface RunCall { op: string; owners: Set<string>; scans: string[] }

describe("an applicant's calls and their portal records", () => {
  it('touch only the caller’s own rows, scan no per-applicant table, and share only the tables and sequences named here', async () => {
    let caller: number | 'run' = 'run';
    const during = CallerRandom.prototype.during;
    vi.spyOn(CallerRandom.prototype, 'during').mockImplementation(function <T>(this: CallerRandom, draws: Rng | undefined, call: () => T) {
      const outer = caller;
      const index = /\/(?:behaviour|population\/accounts)\/(\d+)(?:\/portal)?$/.exec(draws?.key ?? '')?.[1];
      caller = index === undefined ? 'run' : Number(index);
      try { return during.call(this, draws, call) as T; } finally { caller = outer; }
    });
    // Who each applicant is, learnt when they act.
    const identity = new Map<number, Set<string>>();
    const driver = JourneyDriver.prototype as unknown as { act: (live: { record: { index: number; idNumber: string; phone: string; email: string } }, params: unknown) => void };
    const act = driver.act;
    vi.spyOn(driver, 'act').mockImplementation(function (this: JourneyDriver, live, params) {
      const { index, idNumber, phone, email } = live.record;
      identity.set(index, new Set([idNumber, phone, email]));
      act.call(this, live, params);
    });

    // Every portal call, so the run's own can be told apart one by one.
    let runCall: RunCall | undefined;
    const runCalls: RunCall[] = [];
    const invoke = Portal.prototype.invoke;
    const invoked = new Map<string, number>();
    vi.spyOn(Portal.prototype, 'invoke').mockImplementation(function (this: Portal, ...args: Parameters<Portal['invoke']>) {
      invoked.set(args[0], (invoked.get(args[0]) ?? 0) + 1);
      if (caller !== 'run' || runCall) return invoke.apply(this, args);
      runCall = { op: args[0], owners: new Set(), scans: [] };
      runCalls.push(runCall);
      try { return invoke.apply(this, args); } finally { runCall = undefined; }
    });

    const accesses: Access[] = [];
    const scans: string[] = [];
    const sharedUse = new Set<string>();
    const sequences = new Set<string>();
    let depth = 0;
    const watch = <A extends unknown[], R>(method: 'get' | 'has' | 'set' | 'delete' | 'lookup' | 'deleteWhere' | 'values' | 'entries', owners: (table: Table<unknown>, args: A, result: R) => (string | undefined)[]) => {
      const original = Table.prototype[method] as unknown as (...args: A) => R;
      vi.spyOn(Table.prototype, method).mockImplementation(function (this: Table<unknown>, ...args: A) {
        const before = method === 'delete' ? [this.get(args[0] as string)] : [];
        depth += 1;
        let result: R;
        try { result = original.apply(this, args); } finally { depth -= 1; }
        if (depth > 0) return result;
        const scan = method === 'values' || method === 'entries';
        // Whose rows the access touched: by its key or index value, or the row a delete removed.
        const touched = [...owners(this, args, result), ...before.map((row) => OWNER[this.name]?.(args[0] as string, row as Row))]
          .filter((owner): owner is string => owner !== undefined);
        if (caller === 'run') {
          if (runCall && !SHARED.has(this.name)) {
            if (scan) runCall.scans.push(this.name);
            for (const owner of touched) runCall.owners.add(owner);
          }
        } else if (SHARED.has(this.name)) {
          sharedUse.add(this.name);
          // A sequence's name without its season and province: `application|2026|11` → `application`.
          if (this.name === 'sequences' && typeof args[0] === 'string') sequences.add(args[0].split('|')[0]!);
        } else if (scan) scans.push(this.name);
        else for (const owner of touched) accesses.push({ caller, table: this.name, owner, how: method });
        return result;
      } as never);
    };
    const byKey = (table: Table<unknown>, args: unknown[], row: unknown) => [OWNER[table.name]?.(args[0] as string, row as Row)];
    watch<[string], unknown>('get', (t, a, r) => byKey(t, a, r));
    watch<[string], boolean>('has', (t, a) => byKey(t, a, t.get(a[0])));
    watch<[string, unknown], void>('set', (t, a) => byKey(t, a, a[1]));
    watch<[string], void>('delete', () => []);
    // An index is by owner (ID number or recipient), except a reset link's, found by its token, and
    // a mailbox's, which two accounts may share: their rows say whose.
    watch<[string, string], unknown[]>('lookup', (t, [index, value], rows) => (index === 'link' || t.name === 'outbox' ? rows.map((r) => OWNER[t.name]?.('', r as Row)) : [value]));
    watch<[string, string], number>('deleteWhere', (_t, [, value]) => [value]);
    watch<[], unknown>('values', () => []);
    watch<[], unknown>('entries', () => []);

    // The default week, one with many manual reviews, the season of every province, and a week where
    // everyone gives one mailbox and resets a forgotten password by email; applicants' indexes start
    // again in each run.
    const oneMailbox = { ...scenarioByName('default'), population: { ...scenarioByName('default').population, persona: EMAIL_RESETS } };
    for (const scenario of [scenarioByName('default'), scenarioByName('review-backlog'), scenarioByName('national-season'), oneMailbox]) {
      identity.clear();
      accesses.length = 0;
      runCalls.length = 0;
      invoked.clear();
      const mailbox = scenario === oneMailbox ? vi.spyOn(Mailboxes.prototype, 'of').mockReturnValue('jiaoshi@163.com') : undefined;
      await runScenario(scenario, { seed: 3, applicants: 300 });
      mailbox?.mockRestore();
      if (mailbox) expect(invoked.get('resetPasswordWithEmailToken')).toBeGreaterThan(100);
      expect(identity.size).toBe(300);
      expect(accesses.length).toBeGreaterThan(10_000);
      const strangers = accesses.filter((a) => !identity.get(a.caller)?.has(a.owner));
      expect(strangers.slice(0, 5)).toEqual([]);
      // Whose an ID number, phone or email is: each of the run's calls concerns one applicant at most.
      const whose = new Map<string, number>();
      for (const [index, keys] of identity) for (const key of keys) whose.set(key, index);
      const concerning = runCalls.filter((c) => c.owners.size > 0);
      expect(concerning.length).toBeGreaterThan(100);
      const many = concerning.filter((c) => new Set([...c.owners].map((o) => whose.get(o) ?? o)).size > 1);
      expect(many.slice(0, 3)).toEqual([]);
      expect(runCalls.flatMap((c) => c.scans.map((table) => `${c.op}:${table}`))).toEqual([]);
    }
    expect(scans).toEqual([]);
    expect([...sharedUse].sort()).toEqual(['institutions', 'schools', 'sequences']);
    expect([...sequences].sort()).toEqual(['application', 'manualReview', 'outbox', 'school', 'session']);
  }, 120_000);
});
