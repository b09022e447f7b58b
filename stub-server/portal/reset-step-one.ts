import type { PortalContext } from './context';
import { idType, idNumber, personName } from './fields';
import { conflict, notFound } from './problem';
import type { Account } from './records';
import { localMidnight, type Rules } from '../../rules';

/**
 * Step 1 of every reset (001 §2.1.2, 002/003 §1.2.2): ID type, number and name must all match
 * before any code or link is sent, whatever the channel. Nothing tells more about an ID than
 * this step does: one "no account matches" for a wrong name, type or number alike.
 */
export const resetStepOne = (rules: Rules) => ({ idType: idType(), idNumber: idNumber(), name: personName(rules) });

export function resettableAccount(ctx: PortalContext, who: { idType: string; idNumber: string; name: string }): Account {
  const account = ctx.state.accounts.get(who.idNumber.toUpperCase());
  if (!account || account.idType !== who.idType || account.name !== who.name) {
    throw notFound('ACCOUNT_NOT_FOUND', 'no account matches this ID type, ID number and name');
  }
  const cutoff = localMidnight(ctx.rules.account.passwordResetFrom, ctx.rules.time.utcOffsetMinutes);
  if (account.registeredAt < cutoff) {
    throw conflict('REGISTER_AGAIN', `accounts registered before ${ctx.rules.account.passwordResetFrom} cannot reset the password: register again (需要重新注册)`);
  }
  return account;
}
