import type { PortalContext } from '../context';
import { invalidField, quotaExceeded } from '../problem';
import type { FieldCode } from '../problem-codes';
import { randomDigits } from '../random';
import type { CodePurpose, IssuedCode, OutboxMessage } from '../records';
import { secondsUntil } from '../../../rules';

/** Delivers a message: the outbox is the only place codes and links are ever shown. */
export function send(ctx: PortalContext, message: Omit<OutboxMessage, 'seq' | 'sentAt'>, now: number): OutboxMessage {
  const seq = ctx.nextSeq('outbox');
  const stored: OutboxMessage = { seq, sentAt: now, ...message };
  ctx.state.outbox.set(String(seq).padStart(12, '0'), stored);
  return stored;
}

export const codeKey = (channel: IssuedCode['channel'], recipient: string, purpose: CodePurpose) => `${channel}|${recipient}|${purpose}`;

/**
 * Issues a code on a channel, counting it against the channel's daily quota (per Beijing day).
 * A new code replaces the last one for the same recipient and purpose.
 */
export function issueCode(
  ctx: PortalContext,
  channel: IssuedCode['channel'],
  recipient: string,
  purpose: CodePurpose,
  now: number,
): { expiresAt: number; remainingToday: number } {
  const { rules } = ctx;
  const used = countAgainstQuota(ctx, channel, recipient, now);
  // The SMS gateway is asked before the quota counts: a refused delivery consumes nothing.
  if (channel === 'sms') ctx.faults.useBackend('smsGateway', now);
  ctx.countToday(channel, recipient, now);
  const code = randomDigits(ctx.random, rules.codes.digits);
  const expiresAt = now + rules.codes.validMinutes * 60_000;
  ctx.state.codes.set(codeKey(channel, recipient, purpose), { channel, recipient, purpose, code, expiresAt });
  const text = `【中国教师资格网】您的验证码为${code}，${rules.codes.validMinutes}分钟内有效，请勿泄露。`;
  send(ctx, { channel, recipient, code, text }, now);
  return { expiresAt, remainingToday: QUOTA[channel].limit(rules) - used - 1 };
}

/**
 * A reset link by email to the account's address: a token under the same rules as a code
 * (one live link an account, used up by the reset, void when the password changes), with its
 * own daily quota.
 */
export function issueResetLink(ctx: PortalContext, account: { idNumber: string; email: string }, now: number): { expiresAt: number } {
  const { rules } = ctx;
  countAgainstQuota(ctx, 'email', account.idNumber, now);
  ctx.countToday('email', account.idNumber, now);
  const token = ctx.random.token();
  const expiresAt = now + rules.codes.resetEmailValidHours * 3_600_000;
  ctx.state.codes.set(codeKey('email', account.idNumber, 'reset'), { channel: 'email', recipient: account.idNumber, purpose: 'reset', code: token, expiresAt });
  const link = `/reset-password?token=${token}`;
  send(ctx, {
    channel: 'email', recipient: account.email, idNumber: account.idNumber, link,
    text: `中国教师资格网-密码重置：请点击链接地址，进行后续操作（链接地址${rules.codes.resetEmailValidHours}小时内有效）：${link}`,
  }, now);
  return { expiresAt };
}

/** Each channel's daily quota, and the problem that says it is spent. */
const QUOTA = {
  sms: { limit: (r: PortalContext['rules']) => r.codes.smsPerPhonePerDay, code: 'SMS_DAILY_QUOTA_EXCEEDED', per: 'phone number' },
  wechat: { limit: (r: PortalContext['rules']) => r.codes.wechatPerIdPerDay, code: 'WECHAT_DAILY_QUOTA_EXCEEDED', per: 'ID number' },
  email: { limit: (r: PortalContext['rules']) => r.codes.resetEmailsPerDay, code: 'RESET_EMAIL_DAILY_QUOTA_EXCEEDED', per: 'account' },
} as const;

/** 429 when the channel's daily quota for this recipient is spent; else how many were sent today. */
function countAgainstQuota(ctx: PortalContext, channel: IssuedCode['channel'], recipient: string, now: number): number {
  const quota = QUOTA[channel];
  const limit = quota.limit(ctx.rules);
  const used = ctx.countedToday(channel, recipient, now);
  if (used >= limit) {
    throw quotaExceeded(quota.code, `at most ${limit} a day for this ${quota.per}; try again after midnight Beijing time`, secondsUntil(now, ctx.nextMidnight(now)), { limit });
  }
  return used;
}

/**
 * Takes a presented code or link token issued on any of `sources`: it is used up at once, so
 * two calls can never both spend it. Returns a function that gives it back, for an operation
 * that then fails having done nothing (API.md: a code is used up only by a successful call).
 * A wrong code counts against every live code it could have been; at the rules' limit the code
 * is void, and only a new one helps. Throws a 422 on `as.field` when nothing matches (a link
 * names its own problem codes).
 */
export function takeCode(
  ctx: PortalContext,
  sources: { channel: IssuedCode['channel']; recipient: string }[],
  purpose: CodePurpose,
  presented: string,
  now: number,
  as: { field: string; invalid: FieldCode; expired: FieldCode } = { field: 'code', invalid: 'CODE_INVALID', expired: 'CODE_EXPIRED' },
): () => void {
  const { codes } = ctx.state;
  const limit = ctx.rules.codes.maxWrongAttempts;
  let expired = false;
  let spent = false;
  const missed: [string, IssuedCode][] = [];
  for (const { channel, recipient } of sources) {
    const key = codeKey(channel, recipient, purpose);
    const issued = codes.get(key);
    if (!issued) continue;
    if ((issued.wrongAttempts ?? 0) >= limit) { spent = true; continue; }
    if (issued.code !== presented) { if (issued.expiresAt > now) missed.push([key, issued]); continue; }
    if (issued.expiresAt <= now) { expired = true; continue; }
    codes.delete(key);
    // Given back only if no newer code took its place meanwhile.
    return () => { if (!codes.get(key)) codes.set(key, issued); };
  }
  for (const [key, issued] of missed) {
    const wrongAttempts = (issued.wrongAttempts ?? 0) + 1;
    codes.set(key, { ...issued, wrongAttempts });
    spent ||= wrongAttempts >= limit;
  }
  if (spent) throw invalidField(as.field, 'CODE_ATTEMPTS_EXCEEDED', `${limit} wrong attempts: this code is void; request a new one`);
  if (expired) throw invalidField(as.field, as.expired, 'expired: request a new one');
  throw invalidField(as.field, as.invalid, 'wrong, used, replaced by a newer one, or not requested for this purpose');
}

/** Voids every reset code and link of an account (its password just changed). */
export function voidResetCodes(ctx: PortalContext, account: { idNumber: string; phone: string }): void {
  for (const [channel, recipient] of [['sms', account.phone], ['wechat', account.idNumber], ['email', account.idNumber]] as const) {
    ctx.state.codes.delete(codeKey(channel, recipient, 'reset'));
  }
}
