import { z } from 'zod';
import type { PortalContext } from '../context';
import { publicOperation } from '../operation';
import { captchaToken, code, password, text, withIdNumber } from '../fields';
import { conflict, notFound } from '../problem';
import { issueResetLink, takeCode } from '../codes/codes';
import { passwordChanged } from '../accounts/password-changed';
import { maskEmail, maskPhone } from '../identity/masks';
import { resetStepOne, resettableAccount } from '../reset-step-one';
import type { Account } from '../records';
import { andThen, type MaybePromise } from '../maybe-async';
import { done, moment } from '../answer-fields';

/** A reset's new password: every session of the account ends, and every other reset code and link is void. */
function setPassword(ctx: PortalContext, account: Account, newPassword: string, giveBack: () => void): MaybePromise<{ reset: true }> {
  return andThen(ctx.passwords.hash(newPassword, ctx.random.token()), (passwordHash) => {
    const current = ctx.state.accounts.get(account.idNumber);
    if (!current) { giveBack(); throw notFound('ACCOUNT_NOT_FOUND', 'the account no longer exists'); }
    ctx.state.accounts.set(account.idNumber, { ...current, passwordHash });
    ctx.state.loginGuards.delete(account.idNumber);
    passwordChanged(ctx, current);
    return { reset: true as const };
  });
}

export const startPasswordReset = publicOperation({
  operationId: 'startPasswordReset',
  output: z.object({ methods: z.array(z.enum(['sms', 'email', 'wechat'])), maskedEmail: z.string(), maskedPhone: z.string() }),
  refuses: ['ACCOUNT_NOT_FOUND', 'REGISTER_AGAIN'],
  summary: 'Step 1 of a reset: the methods available for this account, with its contacts masked',
  section: '§2',
  captcha: true,
  input: (rules) => withIdNumber(z.object({ ...resetStepOne(rules), captchaToken: captchaToken() }), rules),
  run: ({ ctx, input }) => {
    const account = resettableAccount(ctx, input);
    const methods = ctx.rules.account.resetMethods.filter((m) => m !== 'wechat' || account.wechatBound);
    return { methods, maskedEmail: maskEmail(account.email), maskedPhone: maskPhone(account.phone) };
  },
});

export const sendResetEmail = publicOperation({
  operationId: 'sendResetEmail',
  output: z.object({ sentTo: z.string().meta({ description: 'the address, masked' }), expiresAt: moment() }),
  refuses: ['ACCOUNT_NOT_FOUND', 'REGISTER_AGAIN', 'RESET_METHOD_UNAVAILABLE', 'RESET_EMAIL_DAILY_QUOTA_EXCEEDED'],
  summary: 'Email a reset link to the registered address, valid 24 hours',
  section: '§2',
  captcha: true,
  input: (rules) => withIdNumber(z.object({ ...resetStepOne(rules), captchaToken: captchaToken() }), rules),
  run: ({ ctx, input, now }) => {
    const account = resettableAccount(ctx, input);
    if (!ctx.rules.account.resetMethods.includes('email')) throw conflict('RESET_METHOD_UNAVAILABLE', 'email reset is not offered');
    const { expiresAt } = issueResetLink(ctx, account, now);
    return { sentTo: maskEmail(account.email), expiresAt: ctx.iso(expiresAt) };
  },
});

export const resetPasswordWithEmailToken = publicOperation({
  operationId: 'resetPasswordWithEmailToken',
  output: done('reset'),
  refuses: ['RESET_TOKEN_INVALID', 'RESET_TOKEN_EXPIRED', 'ACCOUNT_NOT_FOUND'],
  summary: 'Set a new password with the token of an email link',
  section: '§2',
  input: (rules) => z.object({ token: text(100), newPassword: password(rules) }),
  run: ({ ctx, input, now }) => {
    // The link's token names its account only through the link sent last (codes.ts): a token
    // replaced by a newer link, used, or voided by a password change is refused.
    const link = ctx.state.codes.lookup('link', input.token)[0];
    const account = link && ctx.state.accounts.get(link.recipient);
    const giveBack = takeCode(ctx, account ? [{ channel: 'email', recipient: account.idNumber }] : [], 'reset', input.token, now, LINK);
    return setPassword(ctx, account!, input.newPassword, giveBack);
  },
});

const LINK = { field: 'token', invalid: 'RESET_TOKEN_INVALID', expired: 'RESET_TOKEN_EXPIRED' } as const;

const resetWithCode = (operationId: string, method: 'sms' | 'wechat', summary: string) => publicOperation({
  operationId,
  output: done('reset'),
  refuses: ['ACCOUNT_NOT_FOUND', 'REGISTER_AGAIN', 'RESET_METHOD_UNAVAILABLE', 'WECHAT_NOT_BOUND', 'CODE_INVALID', 'CODE_EXPIRED', 'CODE_ATTEMPTS_EXCEEDED'],
  summary,
  section: '§2',
  input: (rules) => withIdNumber(z.object({ ...resetStepOne(rules), code: code(rules), newPassword: password(rules) }), rules),
  run: ({ ctx, input, now }) => {
    const account = resettableAccount(ctx, input);
    if (!ctx.rules.account.resetMethods.includes(method)) throw conflict('RESET_METHOD_UNAVAILABLE', `${method} reset is not offered`);
    if (method === 'wechat' && !account.wechatBound) throw conflict('WECHAT_NOT_BOUND', 'this account was not bound to the WeChat service account');
    const recipient = method === 'sms' ? account.phone : account.idNumber;
    const giveBack = takeCode(ctx, [{ channel: method, recipient }], 'reset', input.code, now);
    return setPassword(ctx, account, input.newPassword, giveBack);
  },
});

export const resetPasswordWithSms = resetWithCode('resetPasswordWithSms', 'sms',
  'Set a new password with an SMS code sent to the registered phone (requestSmsCode purpose reset)');
export const resetPasswordWithWechat = resetWithCode('resetPasswordWithWechat', 'wechat',
  'Set a new password with a WeChat code (requestWechatCode purpose reset); only for bound accounts');

export const passwordResetOperations = [startPasswordReset, sendResetEmail, resetPasswordWithEmailToken, resetPasswordWithSms, resetPasswordWithWechat];
