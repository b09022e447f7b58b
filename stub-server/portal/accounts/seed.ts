import { z } from 'zod';
import { adminOperation } from '../operation';
import { requiredText, withIdNumber } from '../fields';
import { accountFields } from './account-fields';
import type { Account } from '../records';
import { andThen, eachInTurn } from '../maybe-async';
import { normalizeIdNumber } from '../identity/id-numbers';
import type { IdType } from '../../../rules';
import { seeded } from '../answer-fields';

/** A seeded account as the simulator writes it (Portal.seed). */
interface TrustedAccount {
  idType: IdType; idNumber: string; name: string; idValidFrom: string; idValidTo: string; password: string; email: string; phone: string;
  registeredAt: string; wechatBound?: boolean; ethnicity?: string; realNameVerified?: boolean;
}

/**
 * Accounts from earlier years: state, not traffic. A load run seeds the applicants who already
 * have an account this way, over HTTP as in-process, so both transports start from one world
 * (in process as trusted seeds: Portal.seed, `trustedInput`).
 */
export const seedAccounts = adminOperation({
  operationId: 'seedAccounts',
  output: seeded(),
  summary: 'Accounts registered in earlier years (a bare array): registration time, WeChat binding, profile and real-name status as given; adds or replaces by ID number',
  section: 'test control',
  input: (rules) => z.array(withIdNumber(z.object({
    ...accountFields(rules),
    registeredAt: z.iso.datetime({ offset: true }),
    wechatBound: z.boolean().default(false),
    /** The first-login profile, when it was completed then. */
    ethnicity: requiredText(20).optional(),
    realNameVerified: z.boolean().default(false),
  }), rules)).max(rules.limits.seedEntries),
  trustedInput: (raw: TrustedAccount[], rules) => raw.map((a) => ({
    idType: a.idType,
    idNumber: normalizeIdNumber(a.idType, a.idNumber.trim(), rules),
    name: a.name.trim(),
    idValidFrom: a.idValidFrom,
    idValidTo: a.idValidTo,
    password: a.password,
    email: a.email,
    phone: a.phone,
    registeredAt: a.registeredAt,
    wechatBound: a.wechatBound ?? false,
    ...('ethnicity' in a ? { ethnicity: a.ethnicity?.trim() } : {}),
    realNameVerified: a.realNameVerified ?? false,
  })),
  run: ({ ctx, input }) => andThen(eachInTurn(input, (seed) => {
    const registeredAt = Date.parse(seed.registeredAt);
    return andThen(ctx.passwords.hash(seed.password, ctx.random.token()), (passwordHash) => {
      const account: Account = {
        idType: seed.idType, idNumber: seed.idNumber, name: seed.name, idValidFrom: seed.idValidFrom, idValidTo: seed.idValidTo,
        passwordHash,
        email: seed.email, phone: seed.phone, registeredAt, wechatBound: seed.wechatBound,
        profile: seed.ethnicity === undefined ? null : { ethnicity: seed.ethnicity, completedAt: registeredAt },
        realName: seed.realNameVerified
          ? { status: 'verified', method: 'registry', verifiedAt: registeredAt, failedAttempts: 0 }
          : { status: 'unverified', failedAttempts: 0 },
      };
      ctx.state.accounts.set(account.idNumber, account);
    });
  }), () => ({ seeded: input.length })),
});
