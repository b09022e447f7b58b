/**
 * Portal calls the simulation has started and not yet seen answered. The domain answers
 * through promises (password hashing may be asynchronous); the run loop waits for them
 * before the next event, so every call happens at its own virtual instant, in event order,
 * and a run is deterministic.
 */
export class WorkTracker {
  private readonly pending = new Set<Promise<unknown>>();
  private failure: unknown;

  track(work: Promise<unknown>): void {
    const tracked = work.catch((error: unknown) => { this.failure ??= error; }).finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  get busy(): boolean { return this.pending.size > 0; }

  /** Waits until nothing is pending (work may start more work); rethrows the first failure. */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
    if (this.failure !== undefined) throw this.failure;
  }
}
