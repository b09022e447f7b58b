import type { Rules } from '../../../rules';
import type { Clock } from '../../portal';
import { PortalProblem } from '../../portal';
import { WindowLimiter } from './window-limiter';

/** Which operations share which per-address limit (rules.rateLimits). */
const LIMITED: Record<string, { group: string; rule: keyof Omit<Rules['rateLimits'], 'trackedAddresses'> }> = {
  getCaptcha: { group: 'captcha', rule: 'captchaPerMinute' },
  solveCaptcha: { group: 'captcha', rule: 'captchaPerMinute' },
  requestSmsCode: { group: 'sms', rule: 'smsPerMinute' },
  requestWechatCode: { group: 'sms', rule: 'smsPerMinute' },
  login: { group: 'login', rule: 'loginPerMinute' },
};

export const RATE_LIMITED_OPERATIONS = Object.keys(LIMITED);

/**
 * The per-client-address rate limits of the HTTP transport: one fixed minute on the portal's
 * clock per address and group. A refused call never reaches the portal and counts nothing.
 */
export class RateLimits {
  private readonly limiter: WindowLimiter;

  constructor(private readonly rules: Rules['rateLimits'], private readonly clock: Clock) {
    this.limiter = new WindowLimiter(60_000, rules.trackedAddresses);
  }

  /**
   * Counts a call of `address`; throws 429 RATE_LIMITED with Retry-After when it has used up its
   * minute. Gives the RateLimit-* headers to send when the operation's limit is on.
   */
  check(operationId: string, address: string | undefined): Record<string, string> | undefined {
    const limited = LIMITED[operationId];
    if (!limited) return undefined;
    const limit = this.rules[limited.rule];
    const taken = this.limiter.take(`${limited.group}|${address ?? 'unknown'}`, limit, this.clock.now());
    if (taken.allowed) {
      if (limit <= 0) return undefined;
      return { 'RateLimit-Limit': String(limit), 'RateLimit-Remaining': String(taken.remaining), 'RateLimit-Reset': String(Math.ceil(taken.resetMs / 1000)) };
    }
    throw new PortalProblem(
      429,
      'RATE_LIMITED',
      `at most ${limit} ${limited.group} calls a minute from one client address; slow down`,
      { retryAfterSeconds: Math.max(1, Math.ceil(taken.retryAfterMs / 1000)), limit },
    );
  }

  get trackedWindows(): number { return this.limiter.size; }
}
