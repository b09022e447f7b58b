import type { Simulation } from '../engine';
import { QueueLog, type QueueFigures } from '../queueing';
import type { OfficeHours } from './working-time';

/**
 * A desk that works through its queues once each working day, when the office opens, up to a
 * daily capacity per queue: on-site confirmation points (确认点) and registration bodies
 * (注册机构). What arrives after the opening, and what is left over, waits for the next working
 * day's. Only a day with work to do costs an event. The desk keeps its queue figures (`log`):
 * an item is served the moment its round handles it.
 */
export class DailyDesk<T> {
  /** Each queue's items with the moment each was added. */
  private readonly queues = new Map<string, { item: T; addedAt: number }[]>();
  private tickAt: number | undefined;
  readonly log: QueueLog;
  /** The most handled in one round. */
  private busiestRound = 0;

  /** `places`: how many queues the desk has (its confirmation points, its registration bodies), for its capacity. */
  constructor(
    private readonly sim: Simulation,
    private readonly office: OfficeHours,
    private readonly perDay: number,
    private readonly places: number,
    private readonly handle: (queue: string, item: T, addedAt: number) => void,
  ) {
    this.log = new QueueLog(sim.now());
  }

  get backlog(): number { return this.log.inSystem; }

  /** Adds an item to a queue; it is handled on the next working day's round at the earliest. */
  add(queue: string, item: T): void {
    let q = this.queues.get(queue);
    if (!q) this.queues.set(queue, (q = []));
    const now = this.sim.now();
    this.log.arrive(now);
    q.push({ item, addedAt: now });
    this.schedule();
  }

  /** When each item still waiting was added: waits the run's end cuts off (censored). */
  waitingSince(): number[] {
    return [...this.queues.values()].flatMap((q) => q.map((x) => x.addedAt));
  }

  /**
   * The queue's figures from its log's start to `now`. Utilisation is what the rounds handled over the
   * capacity of every place on every working day; the peak is the busiest day's.
   */
  figures(now: number): QueueFigures {
    let days = 0;
    for (let t = this.office.nextOpening(this.log.startedAt - 1); t <= now; t = this.office.nextOpening(t)) days += 1;
    const daily = this.perDay * this.places;
    return this.log.figures(now, { utilisation: days > 0 ? this.log.served / (daily * days) : 0, peakHourUtilisation: this.busiestRound / daily });
  }

  private schedule(): void {
    if (this.tickAt !== undefined) return;
    // The next round is the next opening strictly after now: work arriving during office hours waits for tomorrow's.
    this.tickAt = this.office.nextOpening(this.sim.now());
    this.sim.scheduleAt(this.tickAt, () => this.round());
  }

  private round(): void {
    this.tickAt = undefined;
    const now = this.sim.now();
    let handled = 0;
    // Queues in name order: the same items get handled on the same day whatever the insertion order.
    for (const name of [...this.queues.keys()].sort()) {
      const q = this.queues.get(name)!;
      for (const { item, addedAt } of q.splice(0, this.perDay)) {
        this.log.begin(now, addedAt);
        this.log.end(now, addedAt);
        handled += 1;
        this.handle(name, item, addedAt);
      }
      if (q.length === 0) this.queues.delete(name);
    }
    this.busiestRound = Math.max(this.busiestRound, handled);
    if (this.log.inSystem > 0) this.schedule();
  }
}
