import { z } from 'zod';
import { publicOperation } from '../operation';
import { captchaToken, code, withIdNumber } from '../fields';
import { accountFields } from './account-fields';
import { conflict, invalid, type FieldError } from '../problem';
import { takeCode } from '../codes/codes';
import type { Account } from '../records';
import { localMidnight } from '../../../rules';
import { andThen } from '../maybe-async';
import type { PortalContext } from '../context';
import { moment } from '../answer-fields';
import { idTypeSchema } from '../../../rules';

/** An account for this ID number that registering again would not replace. */
function exists(ctx: PortalContext, idNumber: string): boolean {
  const existing = ctx.state.accounts.get(idNumber);
  // An account from before the 2019 upgrade cannot reset its password: registering again replaces it.
  return existing !== undefined && existing.registeredAt >= localMidnight(ctx.rules.account.passwordResetFrom, ctx.rules.time.utcOffsetMinutes);
}

export const registerAccount = publicOperation({
  operationId: 'registerAccount',
  output: z.object({ idType: idTypeSchema, idNumber: z.string(), name: z.string(), registeredAt: moment() }),
  refuses: ['ID_VALIDITY_RANGE', 'ID_EXPIRED', 'AGREEMENT_REQUIRED', 'CODE_INVALID', 'CODE_EXPIRED', 'CODE_ATTEMPTS_EXCEEDED', 'ACCOUNT_EXISTS'],
  summary: 'Register an account: one per ID number; the code comes by SMS to `phone` or by WeChat for `idNumber`',
  section: '§1',
  captcha: true,
  input: (rules) => withIdNumber(z.object({
    ...accountFields(rules),
    code: code(rules),
    captchaToken: captchaToken(),
    agreementAccepted: z.boolean(),
  }), rules),
  run: ({ ctx, input, now }) => {
    const errors: FieldError[] = [];
    if (!input.agreementAccepted) errors.push({ field: 'agreementAccepted', code: 'AGREEMENT_REQUIRED', message: 'read and accept the registration agreement (用户账号注册协议)' });
    if (input.idValidTo < input.idValidFrom) errors.push({ field: 'idValidTo', code: 'ID_VALIDITY_RANGE', message: 'the validity ends before it starts' });
    else if (input.idValidTo < ctx.dateOf(now)) errors.push({ field: 'idValidTo', code: 'ID_EXPIRED', message: 'the ID document has expired' });
    if (errors.length > 0) throw invalid(errors);
    const { state } = ctx;
    if (exists(ctx, input.idNumber)) throw conflict('ACCOUNT_EXISTS', 'an account already exists for this ID number: sign in or reset the password');
    // Taken now, before the hash yields: parallel registrations with one code get one account.
    const giveBack = takeCode(ctx, [{ channel: 'sms', recipient: input.phone }, { channel: 'wechat', recipient: input.idNumber }], 'register', input.code, now);
    return andThen(ctx.passwords.hash(input.password, ctx.random.token()), (passwordHash) => {
      // A hash may yield to other requests: a concurrent registration may have won meanwhile.
      if (exists(ctx, input.idNumber)) { giveBack(); throw conflict('ACCOUNT_EXISTS', 'an account already exists for this ID number'); }
      const account: Account = {
        idType: input.idType,
        idNumber: input.idNumber,
        name: input.name,
        idValidFrom: input.idValidFrom,
        idValidTo: input.idValidTo,
        passwordHash,
        email: input.email,
        phone: input.phone,
        registeredAt: now,
        wechatBound: false,
        profile: null,
        realName: { status: 'unverified', failedAttempts: 0 },
      };
      state.accounts.set(account.idNumber, account);
      return { idType: account.idType, idNumber: account.idNumber, name: account.name, registeredAt: ctx.iso(now) };
    });
  },
});
