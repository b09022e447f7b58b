import { z } from 'zod';
import type { PortalContext } from '../context';
import { publicOperation } from '../operation';
import { code, idNumber, idType, password, personName, text, withIdNumber } from '../fields';
import { conflict, invalidField, notFound } from '../problem';
import { checkCode, send } from '../codes/codes';
import { maskEmail, maskPhone } from '../identity/masks';
import { localMidnight } from '../../../rules';
import type { Account } from '../records';
import { andThen, type MaybePromise } from '../maybe-async';
import { iso } from '../time-format';

/** Step 1 of every reset (002/003 §1.2.2): ID type, number and name must all match. */
const identify = (rules: Parameters<typeof personName>[0]) => ({ idType: idType(), idNumber: idNumber(), name: personName(rules) });

function resettableAccount(ctx: PortalContext, who: { idType: string; idNumber: string; name: string }): Account {
  const account = ctx.state.accounts.get(who.idNumber);
  if (!account || account.idType !== who.idType || account.name !== who.name) {
    throw notFound('ACCOUNT_NOT_FOUND', 'no account matches this ID type, ID number and name');
  }
  const cutoff = localMidnight(ctx.rules.account.passwordResetFrom, ctx.rules.time.utcOffsetMinutes);
  if (account.registeredAt < cutoff) {
    throw conflict('REGISTER_AGAIN', `accounts registered before ${ctx.rules.account.passwordResetFrom} cannot reset the password: register again (需要重新注册)`);
  }
  return account;
}

function setPassword(ctx: PortalContext, account: Account, newPassword: string): MaybePromise<{ reset: true }> {
  return andThen(ctx.passwords.hash(newPassword, ctx.random.token()), (passwordHash) => {
    const current = ctx.state.accounts.get(account.idNumber) ?? account;
    ctx.state.accounts.set(account.idNumber, { ...current, passwordHash });
    ctx.state.loginGuards.delete(account.idNumber);
    return { reset: true as const };
  });
}

export const startPasswordReset = publicOperation({
  operationId: 'startPasswordReset',
  summary: 'Step 1 of a reset: the methods available for this account, with its contacts masked',
  section: '§2',
  input: (rules) => withIdNumber(z.object(identify(rules)), rules),
  run: ({ ctx, input }) => {
    const account = resettableAccount(ctx, input);
    const methods = ctx.rules.account.resetMethods.filter((m) => m !== 'wechat' || account.wechatBound);
    return { methods, maskedEmail: maskEmail(account.email), maskedPhone: maskPhone(account.phone) };
  },
});

export const sendResetEmail = publicOperation({
  operationId: 'sendResetEmail',
  summary: 'Email a reset link to the registered address, valid 24 hours',
  section: '§2',
  input: (rules) => withIdNumber(z.object(identify(rules)), rules),
  run: ({ ctx, input, now }) => {
    const account = resettableAccount(ctx, input);
    if (!ctx.rules.account.resetMethods.includes('email')) throw conflict('RESET_METHOD_UNAVAILABLE', 'email reset is not offered');
    const token = ctx.random.token();
    const expiresAt = now + ctx.rules.codes.resetEmailValidHours * 3_600_000;
    ctx.state.resetTokens.set(token, { token, idNumber: account.idNumber, expiresAt });
    const link = `/reset-password?token=${token}`;
    send(ctx, {
      channel: 'email', recipient: account.email, link,
      text: `中国教师资格网-密码重置：请点击链接地址，进行后续操作（链接地址${ctx.rules.codes.resetEmailValidHours}小时内有效）：${link}`,
    }, now);
    return { sentTo: maskEmail(account.email), expiresAt: iso(expiresAt) };
  },
});

export const resetPasswordWithEmailToken = publicOperation({
  operationId: 'resetPasswordWithEmailToken',
  summary: 'Set a new password with the token of an email link',
  section: '§2',
  input: (rules) => z.object({ token: text(100), newPassword: password(rules) }),
  run: ({ ctx, input, now }) => {
    const entry = ctx.state.resetTokens.get(input.token);
    if (!entry) throw invalidField('token', 'RESET_TOKEN_INVALID', 'this link is unknown or was already used');
    if (entry.expiresAt <= now) throw invalidField('token', 'RESET_TOKEN_EXPIRED', `the link has expired (valid ${ctx.rules.codes.resetEmailValidHours} hours)`);
    const account = ctx.state.accounts.get(entry.idNumber);
    if (!account) throw notFound('ACCOUNT_NOT_FOUND', 'the account no longer exists');
    ctx.state.resetTokens.delete(input.token);
    return setPassword(ctx, account, input.newPassword);
  },
});

const resetWithCode = (operationId: string, method: 'sms' | 'wechat', summary: string) => publicOperation({
  operationId,
  summary,
  section: '§2',
  input: (rules) => withIdNumber(z.object({ ...identify(rules), code: code(rules), newPassword: password(rules) }), rules),
  run: ({ ctx, input, now }) => {
    const account = resettableAccount(ctx, input);
    if (!ctx.rules.account.resetMethods.includes(method)) throw conflict('RESET_METHOD_UNAVAILABLE', `${method} reset is not offered`);
    if (method === 'wechat' && !account.wechatBound) throw conflict('WECHAT_NOT_BOUND', 'this account was not bound to the WeChat service account');
    const recipient = method === 'sms' ? account.phone : account.idNumber;
    const useCode = checkCode(ctx, [{ channel: method, recipient }], 'reset', input.code, now);
    useCode();
    return setPassword(ctx, account, input.newPassword);
  },
});

export const resetPasswordWithSms = resetWithCode('resetPasswordWithSms', 'sms',
  'Set a new password with an SMS code sent to the registered phone (requestSmsCode purpose reset)');
export const resetPasswordWithWechat = resetWithCode('resetPasswordWithWechat', 'wechat',
  'Set a new password with a WeChat code (requestWechatCode purpose reset); only for bound accounts');

export const passwordResetOperations = [startPasswordReset, sendResetEmail, resetPasswordWithEmailToken, resetPasswordWithSms, resetPasswordWithWechat];
