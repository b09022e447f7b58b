import type { Distribution } from '../../machines';
import type { Simulation } from '../engine';
import type { OfficeHours } from './working-time';

export interface ReviewersConfig {
  /** Reviewers working in parallel. */
  count: number;
  /** Office hours, Beijing time, on working days. */
  hours: [number, number];
  /** Always open, every day (for checks against queueing theory). */
  continuous?: boolean;
  /** Working minutes one review takes. */
  serviceMinutes: Distribution;
  /** Share of reviews approved (the rest are rejected with a reason). */
  approveRate: number;
}

/**
 * Manual reviewers (人工审核): a FIFO queue served by `count` reviewers during office hours
 * on working days. Each decision goes to the portal through `decide`.
 */
export class ReviewDesk {
  private readonly queue: string[] = [];
  private head = 0;
  private idle: number;
  private wakeScheduled = false;
  /** ∫ backlog dt, for the time-average backlog (Little's law: L = λW). */
  private area = 0;
  private lastChange: number;

  constructor(
    private readonly sim: Simulation,
    private readonly office: OfficeHours,
    private readonly config: ReviewersConfig,
    private readonly draw: (d: Distribution) => number,
    private readonly chance: (p: number) => boolean,
    private readonly decide: (reviewId: string, approve: boolean) => void,
  ) {
    this.idle = config.count;
    this.lastChange = sim.now();
  }

  /** The time-average backlog since the start. */
  meanBacklog(since: number): number {
    this.integrate();
    const span = this.sim.now() - since;
    return span > 0 ? this.area / span : 0;
  }

  private integrate(): void {
    const now = this.sim.now();
    this.area += this.backlog * (now - this.lastChange);
    this.lastChange = now;
  }

  /** Reviews waiting or being reviewed. */
  get backlog(): number { return this.queue.length - this.head + (this.config.count - this.idle); }

  submit(reviewId: string): void {
    this.integrate();
    this.queue.push(reviewId);
    this.dispatch();
  }

  private dispatch(): void {
    const now = this.sim.now();
    const open = this.office.nextOpen(now);
    if (open > now) {
      if (!this.wakeScheduled && this.idle > 0 && this.head < this.queue.length) {
        this.wakeScheduled = true;
        this.sim.scheduleAt(open, () => { this.wakeScheduled = false; this.dispatch(); });
      }
      return;
    }
    while (this.idle > 0 && this.head < this.queue.length) {
      const reviewId = this.queue[this.head]!;
      this.head += 1;
      this.idle -= 1;
      const done = this.office.finish(now, this.draw(this.config.serviceMinutes) * 60_000);
      this.sim.scheduleAt(done, () => {
        this.decide(reviewId, this.chance(this.config.approveRate));
        this.integrate();
        this.idle += 1;
        this.dispatch();
      });
    }
    // Drop served entries now and then so the queue array does not grow without end.
    if (this.head > 4096 && this.head * 2 > this.queue.length) { this.queue.splice(0, this.head); this.head = 0; }
  }
}
