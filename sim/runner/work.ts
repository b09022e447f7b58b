import type { MaybeLater } from '../../stub-server/portal';

/**
 * Portal calls the simulation has started and not yet seen answered. The domain answers
 * through promises (password hashing may be asynchronous); the run loop waits for them
 * before the next event, so every call happens at its own virtual instant, in event order,
 * and a run is deterministic. A count and one waiter: this runs for every portal call.
 */
export class WorkTracker {
  private pending = 0;
  private failure: unknown;
  /** Whoever waits in `drain` (one promise, however many wait). */
  private idle: { promise: Promise<void>; resolve: () => void } | undefined;

  /** Work done already (an in-process answer), or done later in the run's own time (a Later), needs no tracking. */
  track(work: MaybeLater<unknown>): void {
    if (!(work instanceof Promise)) return;
    this.pending += 1;
    work.then(this.settled, (error: unknown) => {
      this.failure ??= error;
      this.settled();
    });
  }

  private readonly settled = (): void => {
    this.pending -= 1;
    if (this.pending > 0 || !this.idle) return;
    const { resolve } = this.idle;
    this.idle = undefined;
    resolve();
  };

  get busy(): boolean { return this.pending > 0; }

  /** Waits until nothing is pending (work may start more work); rethrows the first failure. */
  async drain(): Promise<void> {
    if (this.pending > 0) {
      if (!this.idle) {
        let resolve!: () => void;
        const promise = new Promise<void>((r) => { resolve = r; });
        this.idle = { promise, resolve };
      }
      await this.idle.promise;
    }
    if (this.failure !== undefined) throw this.failure;
  }
}
