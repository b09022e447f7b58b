/**
 * What a ServerPool measures over a window: counts, waits, and time averages of the queue, the
 * busy servers and the jobs in the system (areas under their step curves), from which Little's
 * law can be checked: L = λW.
 */

export interface PoolStats {
  /** The window: from `since` to `until`, ms. */
  since: number;
  until: number;
  /** Requests accepted (in the queue or served at once), refused for a full queue, withdrawn while waiting. */
  arrived: number;
  rejected: number;
  cancelled: number;
  /** Services begun and ended in the window. */
  started: number;
  completed: number;
  /** Over the services begun: mean and longest wait in the queue, ms (NaN if none). */
  meanWait: number;
  maxWait: number;
  /** Over the services ended: mean time from request to end, ms (NaN if none). */
  meanSojourn: number;
  /** Time averages over the window: jobs waiting (Lq), jobs in the system (L), busy servers. */
  meanQueue: number;
  meanInSystem: number;
  meanBusy: number;
  /** Busy server-time over available server-time. */
  utilisation: number;
  /** Arrivals per ms over the window (λ). */
  arrivalRate: number;
}

/** Accumulates PoolStats; the pool calls `advance` before every change of its state. */
export class PoolRecorder {
  since: number;
  private last: number;
  private queueArea = 0;
  private busyArea = 0;
  private capacityArea = 0;
  arrived = 0;
  rejected = 0;
  cancelled = 0;
  started = 0;
  completed = 0;
  private waitSum = 0;
  private waitMax = Number.NaN;
  private sojournSum = 0;

  constructor(now: number) {
    this.since = now;
    this.last = now;
  }

  /** Adds the areas from the last change to now, at the levels that held since then. */
  advance(now: number, waiting: number, busy: number, servers: number): void {
    const dt = now - this.last;
    if (dt > 0) {
      this.queueArea += waiting * dt;
      this.busyArea += busy * dt;
      this.capacityArea += servers * dt;
      this.last = now;
    }
  }

  recordStart(waitMs: number): void {
    this.started += 1;
    this.waitSum += waitMs;
    if (!(waitMs <= this.waitMax)) this.waitMax = waitMs;
  }

  recordEnd(sojournMs: number): void {
    this.completed += 1;
    this.sojournSum += sojournMs;
  }

  snapshot(): PoolStats {
    const elapsed = this.last - this.since;
    const per = (area: number) => (elapsed > 0 ? area / elapsed : Number.NaN);
    return {
      since: this.since,
      until: this.last,
      arrived: this.arrived,
      rejected: this.rejected,
      cancelled: this.cancelled,
      started: this.started,
      completed: this.completed,
      meanWait: this.started > 0 ? this.waitSum / this.started : Number.NaN,
      maxWait: this.waitMax,
      meanSojourn: this.completed > 0 ? this.sojournSum / this.completed : Number.NaN,
      meanQueue: per(this.queueArea),
      meanInSystem: per(this.queueArea + this.busyArea),
      meanBusy: per(this.busyArea),
      utilisation: this.capacityArea > 0 ? this.busyArea / this.capacityArea : Number.NaN,
      arrivalRate: elapsed > 0 ? this.arrived / elapsed : Number.NaN,
    };
  }
}
