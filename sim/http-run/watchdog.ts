import type { WireStats } from './wire-stats';
import { wallMs } from './wall-clock';

/** Why a real run stopped before its end. */
export interface Abort { reason: string; lastError: string }

/**
 * Tells a server that has died from one that is slow: when every call of the last look
 * failed to connect or timed out, it probes the server's health; `strikes` failed probes in a
 * row end the run (a clear report beats an hour of refused connections).
 */
export class Watchdog {
  private lastLook = wallMs();
  private failedProbes = 0;
  private probing = false;
  verdict: Abort | undefined;

  constructor(
    private readonly stats: WireStats,
    private readonly probe: () => Promise<boolean>,
    private readonly target: string,
    private readonly everyMs = 1000,
    private readonly strikes = 2,
  ) {}

  /** Called from the run's loop; looks at most every `everyMs`. */
  look(): void {
    if (this.probing || this.verdict || wallMs() - this.lastLook < this.everyMs) return;
    this.lastLook = wallMs();
    const recent = this.stats.takeRecent();
    if (recent.failed === 0 || recent.answered > 0) { this.failedProbes = 0; return; }
    this.probing = true;
    void this.probe().then((alive) => {
      this.probing = false;
      this.failedProbes = alive ? 0 : this.failedProbes + 1;
      if (this.failedProbes >= this.strikes) {
        this.verdict = { reason: `the server at ${this.target} stopped answering (${this.strikes} failed health probes, every call failing)`, lastError: this.stats.lastError };
      }
    });
  }
}

/** GET /healthz within `timeoutMs`: does the server still answer? */
export const healthProbe = (target: string, timeoutMs = 2000) => async (): Promise<boolean> => {
  try {
    const res = await fetch(`${target}/healthz`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
};
