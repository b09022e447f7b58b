import type { Simulation } from '../engine';
import type { OfficeHours } from './working-time';

/**
 * A desk that works through its queues once each working day, when the office opens, up to a
 * daily capacity per queue: on-site confirmation points (确认点) and registration bodies
 * (注册机构). What arrives after the opening, and what is left over, waits for the next working
 * day's. Only a day with work to do costs an event.
 */
export class DailyDesk<T> {
  /** Each queue's items with the moment each was added. */
  private readonly queues = new Map<string, { item: T; addedAt: number }[]>();
  private tickAt: number | undefined;

  constructor(
    private readonly sim: Simulation,
    private readonly office: OfficeHours,
    private readonly perDay: number,
    private readonly handle: (queue: string, item: T, addedAt: number) => void,
  ) {}

  get backlog(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  /** Adds an item to a queue; it is handled on the next working day's round at the earliest. */
  add(queue: string, item: T): void {
    let q = this.queues.get(queue);
    if (!q) this.queues.set(queue, (q = []));
    q.push({ item, addedAt: this.sim.now() });
    this.schedule();
  }

  private schedule(): void {
    if (this.tickAt !== undefined) return;
    // The next round is the next opening strictly after now: work arriving during office hours waits for tomorrow's.
    this.tickAt = this.office.nextOpening(this.sim.now());
    this.sim.scheduleAt(this.tickAt, () => this.round());
  }

  private round(): void {
    this.tickAt = undefined;
    // Queues in name order: the same items get handled on the same day whatever the insertion order.
    for (const name of [...this.queues.keys()].sort()) {
      const q = this.queues.get(name)!;
      for (const { item, addedAt } of q.splice(0, this.perDay)) this.handle(name, item, addedAt);
      if (q.length === 0) this.queues.delete(name);
    }
    if (this.backlog > 0) this.schedule();
  }
}
