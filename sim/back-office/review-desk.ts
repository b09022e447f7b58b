import type { Distribution } from '../../machines';
import type { Simulation } from '../engine';
import { QueueLog, type QueueFigures } from '../queueing';
import type { OfficeHours } from './working-time';
import type { Rng } from '../random';

const HOUR = 3_600_000;

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
 * on working days. A review's decision, its moment and its outcome, is known as soon as a
 * reviewer takes it up, and is told then through `decide`: who acts on it at that moment
 * (the portal's admin operation) is the caller's to schedule. A run over many cores sends it
 * ahead to the applicant's shard (docs/parallel-runs.md). The desk keeps its queue figures
 * (`log`) and its reviewers' working time by hour, for utilisation.
 */
export class ReviewDesk {
  /** Reviews in arrival order, each with the moment it came. */
  private readonly queue: { reviewId: string; at: number; stream?: Rng }[] = [];
  private head = 0;
  private idle: number;
  private wakeScheduled = false;
  readonly log: QueueLog;
  /** Reviewer working time by clock hour. */
  private readonly busyByHour = new Map<number, number>();
  /** Reviews submitted and not yet decided, by id: when each was submitted. */
  private readonly undecided = new Map<string, number>();

  constructor(
    private readonly sim: Simulation,
    private readonly office: OfficeHours,
    private readonly config: ReviewersConfig,
    /** A review's service time and decision, from its own `stream` when it was submitted with one. */
    private readonly draw: (d: Distribution, stream?: Rng) => number,
    private readonly chance: (p: number, stream?: Rng) => boolean,
    /** A review taken up: decided `approve` at `at` (the future, or now). */
    private readonly decide: (reviewId: string, approve: boolean, at: number) => void,
  ) {
    this.idle = config.count;
    this.log = new QueueLog(sim.now());
  }

  /** Reviews waiting or being reviewed. */
  get backlog(): number { return this.log.inSystem; }

  /** `stream`: the applicant's own, for this review's service time and decision. */
  submit(reviewId: string, stream?: Rng): void {
    const now = this.sim.now();
    this.log.arrive(now);
    this.queue.push({ reviewId, at: now, stream });
    this.undecided.set(reviewId, now);
    this.dispatch();
  }

  /** When each review not yet decided was submitted: waits the run's end cuts off (censored). */
  waitingSince(): number[] { return [...this.undecided.values()]; }

  /**
   * The queue's figures from its log's start to `now`. Utilisation is reviewer working time over
   * the office time of all reviewers, in the clock hours from the start's to the one before
   * `now`'s (a review's working time is booked when it begins); the peak is the busiest hour's.
   */
  figures(now: number): QueueFigures {
    const capacity = (from: number, to: number) => this.config.count * this.office.openMs(from, to);
    const from = Math.floor(this.log.startedAt / HOUR) * HOUR;
    let peak = 0;
    let busy = 0;
    for (const [hour, ms] of this.busyByHour) {
      if (hour < from || hour >= now) continue;
      busy += ms;
      const open = capacity(hour, hour + HOUR);
      if (open > 0) peak = Math.max(peak, ms / open);
    }
    const total = capacity(from, Math.ceil(now / HOUR) * HOUR);
    return this.log.figures(now, { utilisation: total > 0 ? busy / total : 0, peakHourUtilisation: peak });
  }

  private working = (from: number, to: number): void => {
    for (let hour = Math.floor(from / HOUR) * HOUR; hour < to; hour += HOUR) {
      this.busyByHour.set(hour, (this.busyByHour.get(hour) ?? 0) + Math.min(to, hour + HOUR) - Math.max(from, hour));
    }
  };

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
      const { reviewId, at, stream } = this.queue[this.head]!;
      this.head += 1;
      this.idle -= 1;
      this.log.begin(now, at);
      const done = this.office.finish(now, this.draw(this.config.serviceMinutes, stream) * 60_000, this.working);
      this.decide(reviewId, this.chance(this.config.approveRate, stream), done);
      this.sim.scheduleAt(done, () => {
        this.log.end(done, at);
        this.undecided.delete(reviewId);
        this.idle += 1;
        this.dispatch();
      });
    }
    // Drop served entries now and then so the queue array does not grow without end.
    if (this.head > 4096 && this.head * 2 > this.queue.length) { this.queue.splice(0, this.head); this.head = 0; }
  }
}
