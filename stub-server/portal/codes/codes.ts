import type { PortalContext } from '../context';
import { invalidField, quotaExceeded } from '../problem';
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
  const limit = channel === 'sms' ? rules.codes.smsPerPhonePerDay : rules.codes.wechatPerIdPerDay;
  if (ctx.countedToday(channel, recipient, now) >= limit) {
    throw quotaExceeded(
      channel === 'sms' ? 'SMS_DAILY_QUOTA_EXCEEDED' : 'WECHAT_DAILY_QUOTA_EXCEEDED',
      `at most ${limit} codes a day for this ${channel === 'sms' ? 'phone number' : 'ID number'}; try again after midnight Beijing time`,
      secondsUntil(now, ctx.nextMidnight(now)),
      { limit },
    );
  }
  // The SMS gateway is asked before the quota counts: a refused delivery consumes nothing.
  if (channel === 'sms') ctx.faults.useBackend('smsGateway', now);
  const used = ctx.countToday(channel, recipient, now);
  const code = randomDigits(ctx.random, rules.codes.digits);
  const expiresAt = now + rules.codes.validMinutes * 60_000;
  ctx.state.codes.set(codeKey(channel, recipient, purpose), { channel, recipient, purpose, code, expiresAt });
  const text = `【中国教师资格网】您的验证码为${code}，${rules.codes.validMinutes}分钟内有效，请勿泄露。`;
  send(ctx, { channel, recipient, code, text }, now);
  return { expiresAt, remainingToday: limit - used };
}

/**
 * Checks a presented code against what was issued on any of `sources`; throws a 422 on
 * `field` when none matches. Returns a function that uses the code up: call it only once
 * the operation has succeeded (API.md: a code is used up only by a successful call).
 */
export function checkCode(
  ctx: PortalContext,
  sources: { channel: IssuedCode['channel']; recipient: string }[],
  purpose: CodePurpose,
  presented: string,
  now: number,
  field = 'code',
): () => void {
  let expired = false;
  for (const { channel, recipient } of sources) {
    const key = codeKey(channel, recipient, purpose);
    const issued = ctx.state.codes.get(key);
    if (!issued || issued.code !== presented) continue;
    if (issued.expiresAt <= now) { expired = true; continue; }
    return () => ctx.state.codes.delete(key);
  }
  if (expired) throw invalidField(field, 'CODE_EXPIRED', `the code has expired (valid ${ctx.rules.codes.validMinutes} minutes): request a new one`);
  throw invalidField(field, 'CODE_INVALID', 'the code is wrong, used, or was not requested for this purpose');
}
