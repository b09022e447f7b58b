import { z } from 'zod';
import { secondsUntil } from '../../../rules';
import { adminOperation, applicantOperation } from '../operation';
import { idNumber, personName } from '../fields';
import { conflict, quotaExceeded } from '../problem';
import type { Account, Identity } from '../records';
import { checkRegistry, reachRegistry, registryEntry } from './registry';
import { seeded } from '../answer-fields';
import { withFields } from '../with-fields';

/** The counter of real-name attempts, per account per Beijing day. */
const ATTEMPT_COUNTER = 'realName';

/** What the portal shows when a name change fails (004). */
export const NAME_CHANGE_FAILED_TEXT =
  '实名审核失败，信息更新未成功。您仍可正常办理业务，如确需修改，可参照页面右侧说明开通网证，再进行实名审核。';

export const verifyRealName = applicantOperation({
  operationId: 'verifyRealName',
  output: z.discriminatedUnion('status', [
    z.object({
      status: z.literal('passed'), attemptsLeft: z.number().int(), realNameStatus: z.literal('verified'),
      nameChange: z.object({ applied: z.literal(true), name: z.string() }).optional(),
    }),
    z.object({
      status: z.literal('failed'), attemptsLeft: z.number().int(), reason: z.enum(['NAME_MISMATCH', 'REGISTRY_STALE']),
      nextStep: z.enum(['open-ctid', 'manual-review']), realNameStatus: z.enum(['unverified', 'verified']),
      nameChange: z.object({ applied: z.literal(false), name: z.string() }).optional(),
      message: z.string().optional().meta({ description: 'why a name change was not applied (the portal\'s own words)' }),
    }),
  ]),
  refuses: ['REAL_NAME_DAILY_QUOTA_EXCEEDED', 'REGISTRY_UNAVAILABLE'],
  summary: 'One real-name check against the public-security registry, optionally with a new `name` (name change); 3 per Beijing day; refused while a manual review is pending',
  section: '§4, §3',
  requires: ['profile'],
  // Refused while a review is pending, before the quota: a refused attempt uses up none of the day's three.
  identityEdit: true,
  input: (rules) => z.object({ name: personName(rules).optional() }),
  run: ({ ctx, input, account, now }) => {
    const limit = ctx.rules.realName.attemptsPerDay;
    if (ctx.countedToday(ATTEMPT_COUNTER, account.idNumber, now) >= limit) {
      throw quotaExceeded(
        'REAL_NAME_DAILY_QUOTA_EXCEEDED',
        `at most ${limit} real-name attempts a day; try again after midnight Beijing time`,
        secondsUntil(now, ctx.nextMidnight(now)),
        { limit },
      );
    }
    reachRegistry(ctx, now); // a cut registry throws here, before the attempt counts
    const used = ctx.countToday(ATTEMPT_COUNTER, account.idNumber, now);
    const attemptsLeft = limit - used;
    const nameChange = input.name !== undefined && input.name !== account.name;
    const check = checkRegistry(ctx, account, input.name ?? account.name);
    const { realName } = account;

    if (check.passed) {
      const updated: Account = {
        ...account,
        name: input.name ?? account.name,
        realName: withFields(realName, { status: 'verified' as const, method: 'registry' as const, verifiedAt: now }),
      };
      ctx.state.accounts.set(account.idNumber, updated);
      return {
        status: 'passed' as const,
        attemptsLeft,
        realNameStatus: 'verified' as const,
        ...(nameChange ? { nameChange: { applied: true, name: updated.name } } : {}),
      };
    }
    // A failure never undoes an earlier approval: only the failure count moves (SPEC §4).
    ctx.state.accounts.set(account.idNumber, { ...account, realName: { ...realName, failedAttempts: realName.failedAttempts + 1 } });
    return {
      status: 'failed' as const,
      attemptsLeft,
      reason: check.reason,
      nextStep: check.nextStep,
      realNameStatus: realName.status,
      ...(nameChange ? { nameChange: { applied: false, name: account.name }, message: NAME_CHANGE_FAILED_TEXT } : {}),
    };
  },
});

export const openCtid = applicantOperation({
  operationId: 'openCtid',
  output: z.object({ ctidOpened: z.literal(true) }),
  refuses: ['CTID_RESIDENT_ID_ONLY'],
  summary: 'The simulated CTID app (网证): opening the network ID refreshes a stale public-security record; resident-ID holders only',
  section: '§4',
  requires: ['profile'],
  input: () => z.object({}),
  run: ({ ctx, account }) => {
    if (account.idType !== 'resident-id') {
      throw conflict('CTID_RESIDENT_ID_ONLY', 'the CTID network ID is for resident-ID holders only: apply for manual review (人工审核) instead');
    }
    const entry = registryEntry(ctx, account);
    ctx.state.identities.set(account.idNumber, { ...entry, ctidOpened: true });
    return { ctidOpened: true };
  },
});

export const seedIdentities = adminOperation({
  operationId: 'seedIdentities',
  output: seeded(),
  summary: 'Public-security registry entries (a bare array of `{ idNumber, name, stale }`, stale defaults to false); adds or replaces by ID number',
  section: 'test control',
  input: (rules) => z.array(z.object({
    idNumber: idNumber(),
    name: personName(rules),
    stale: z.boolean().default(false),
    /** false: opening CTID does not refresh this record (the applicant ends in manual review). */
    ctidFixes: z.boolean().default(true),
  })).max(rules.limits.seedEntries),
  trustedInput: (raw: { idNumber: string; name: string; stale?: boolean; ctidFixes?: boolean }[]) =>
    raw.map((s) => ({ idNumber: s.idNumber.trim(), name: s.name.trim(), stale: s.stale ?? false, ctidFixes: s.ctidFixes ?? true })),
  run: ({ ctx, input }) => {
    for (const seed of input) {
      const id = seed.idNumber.toUpperCase();
      // Replacing is a fresh record: a CTID opened for the old one does not carry over.
      const entry: Identity = { idNumber: id, name: seed.name, stale: seed.stale, ctidOpened: false, ...(seed.ctidFixes ? {} : { ctidFixes: false }) };
      ctx.state.identities.set(id, entry);
    }
    return { seeded: input.length };
  },
});

export const realNameOperations = [verifyRealName, openCtid, seedIdentities];
