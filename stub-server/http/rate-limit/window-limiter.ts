/** A call counted (`remaining` after it) or refused; `resetMs`: until the window ends. */
export type Take = { allowed: true; remaining: number; resetMs: number } | { allowed: false; retryAfterMs: number };

interface Window { start: number; count: number }

/**
 * A fixed-window counter per key, on a clock given at each call.
 *
 * Why our own and not express-rate-limit or rate-limiter-flexible: both keep time with
 * Date.now() and expire windows with wall-clock timers, while the stub's time is the injected
 * Clock (settable in tests and outside checks, scaled in compressed load runs): a window must
 * pass when the *server's* clock says so. A fixed window per key is a few lines and needs no
 * timers at all.
 *
 * A window opens at a key's first call and lasts `windowMs`; a clock set backwards before a
 * window's start opens a new one. Memory stays bounded: expired windows are swept once per
 * window length of clock time, and past `maxKeys` the oldest windows are dropped (that key
 * starts afresh: the limiter fails open under an address flood rather than growing).
 */
export class WindowLimiter {
  private readonly windows = new Map<string, Window>();
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(private readonly windowMs: number, private readonly maxKeys: number) {}

  /** Counts one call of `key` at `now` against `limit` (0 or less: no limit). */
  take(key: string, limit: number, now: number): Take {
    if (limit <= 0) return { allowed: true, remaining: Number.POSITIVE_INFINITY, resetMs: 0 };
    this.sweep(now);
    let window = this.windows.get(key);
    if (!window || !this.current(window, now)) {
      this.windows.delete(key);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
      if (this.windows.size > this.maxKeys) this.windows.delete(this.windows.keys().next().value!);
    }
    if (window.count >= limit) return { allowed: false, retryAfterMs: window.start + this.windowMs - now };
    window.count += 1;
    return { allowed: true, remaining: limit - window.count, resetMs: window.start + this.windowMs - now };
  }

  /** Windows held (for tests and stats). */
  get size(): number { return this.windows.size; }

  private current(window: Window, now: number): boolean {
    return now >= window.start && now < window.start + this.windowMs;
  }

  private sweep(now: number): void {
    if (now >= this.lastSweep && now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (!this.current(window, now)) this.windows.delete(key);
  }
}
