import { z } from 'zod';
import { adminOperation } from '../operation';
import { requiredText, withIdNumber } from '../fields';
import { accountFields } from './account-fields';
import type { Account } from '../records';
import { andThen, eachInTurn } from '../maybe-async';

/**
 * Accounts from earlier years: state, not traffic. A load run seeds the applicants who already
 * have an account this way, over HTTP as in-process, so both transports start from one world.
 */
export const seedAccounts = adminOperation({
  operationId: 'seedAccounts',
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
