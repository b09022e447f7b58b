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

  /** Throws 429 RATE_LIMITED with Retry-After when `address` has used up its minute. */
  check(operationId: string, address: string | undefined): void {
    const limited = LIMITED[operationId];
    if (!limited) return;
    const limit = this.rules[limited.rule];
    const taken = this.limiter.take(`${limited.group}|${address ?? 'unknown'}`, limit, this.clock.now());
    if (taken.allowed) return;
    throw new PortalProblem(
      429,
      'RATE_LIMITED',
      `at most ${limit} ${limited.group} calls a minute from one client address; slow down`,
      { retryAfterSeconds: Math.max(1, Math.ceil(taken.retryAfterMs / 1000)), limit },
    );
  }

  get trackedWindows(): number { return this.limiter.size; }
}
