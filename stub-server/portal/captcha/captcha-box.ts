import type { Rules } from '../../../rules';
import type { PortalRandom } from '../random';

interface Challenge { targetX: number; expiresAt: number }

/**
 * Slider captchas: a challenge (where the piece belongs), one attempt at it, and a
 * single-use token for the next call. In memory only, swept as it grows.
 */
export class CaptchaBox {
  private readonly challenges = new Map<string, Challenge>();
  private readonly tokens = new Map<string, number>();

  constructor(private readonly rules: Rules, private readonly random: PortalRandom) {}

  issue(now: number): { id: string; targetX: number; expiresAt: number } {
    const { trackWidthPx, pieceWidthPx, lifetimeSeconds } = this.rules.captcha;
    this.sweep(now);
    const id = this.random.token();
    // The slot lies right of the piece's start position and inside the track.
    const targetX = pieceWidthPx + this.random.int(Math.max(1, trackWidthPx - 2 * pieceWidthPx));
    const challenge = { targetX, expiresAt: now + lifetimeSeconds * 1000 };
    this.challenges.set(id, challenge);
    return { id, ...challenge };
  }

  /** One attempt: the challenge is gone afterwards, right or wrong. */
  solve(id: string, x: number, now: number): { token: string; expiresAt: number } | 'expired' | 'mismatch' {
    const challenge = this.challenges.get(id);
    this.challenges.delete(id);
    if (!challenge || challenge.expiresAt <= now) return 'expired';
    if (Math.abs(x - challenge.targetX) > this.rules.captcha.tolerancePx) return 'mismatch';
    const token = this.random.token();
    const expiresAt = now + this.rules.captcha.lifetimeSeconds * 1000;
    this.tokens.set(token, expiresAt);
    return { token, expiresAt };
  }

  /** Uses a token up, whatever the outcome of the call presenting it; true if it was valid. */
  consume(token: unknown, now: number): boolean {
    if (typeof token !== 'string') return false;
    const expiresAt = this.tokens.get(token);
    this.tokens.delete(token);
    return expiresAt !== undefined && expiresAt > now;
  }

  get size(): number { return this.challenges.size + this.tokens.size; }

  /** Drops expired entries once the maps have doubled since the last sweep: amortised O(1). */
  private sweepAt = 1024;
  private sweep(now: number): void {
    if (this.size < this.sweepAt) return;
    for (const [id, c] of this.challenges) if (c.expiresAt <= now) this.challenges.delete(id);
    for (const [t, expiresAt] of this.tokens) if (expiresAt <= now) this.tokens.delete(t);
    this.sweepAt = Math.max(1024, this.size * 2);
  }
}
