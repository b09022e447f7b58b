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
 * on working days. Being first come, first served, a review's turn depends only on the reviews
 * before it: so the desk works out, as each review comes, which reviewer takes it up and when,
 * and when it is decided and how (its service time and decision drawn then, from the
 * applicant's own stream). It tells the decision at once through `decide`: who acts on it at
 * its moment (the portal's admin operation) is the caller's to schedule, and a run over many
 * cores sends it ahead to the applicant's shard (docs/parallel-runs.md). The desk keeps its
 * queue figures (`log`, entered at each review's beginning and end as they happen) and its
 * reviewers' working time by hour, for utilisation.
 */
export class ReviewDesk {
  /** When each reviewer is next free: a review goes to the one free first. */
  private readonly freeAt: number[];
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
    /** A review submitted: decided `approve` at `at` (in the future, or now). */
    private readonly decide: (reviewId: string, approve: boolean, at: number) => void,
  ) {
    this.freeAt = new Array<number>(config.count).fill(sim.now());
    this.log = new QueueLog(sim.now());
  }

  /** Reviews waiting or being reviewed. */
  get backlog(): number { return this.log.inSystem; }

  /** `stream`: the applicant's own, for this review's service time and decision. */
  submit(reviewId: string, stream?: Rng): void {
    const at = this.sim.now();
    this.log.arrive(at);
    this.undecided.set(reviewId, at);
    let k = 0;
    for (let i = 1; i < this.freeAt.length; i += 1) if (this.freeAt[i]! < this.freeAt[k]!) k = i;
    const begin = this.office.nextOpen(Math.max(at, this.freeAt[k]!));
    const workMs = this.draw(this.config.serviceMinutes, stream) * 60_000;
    const done = this.office.finish(begin, workMs);
    this.freeAt[k] = done;
    this.decide(reviewId, this.chance(this.config.approveRate, stream), done);
    // Entered as they happen: a review begun after the run's end is neither begun nor booked.
    this.sim.scheduleAt(begin, () => {
      this.log.begin(begin, at);
      this.office.finish(begin, workMs, this.working);
    });
    this.sim.scheduleAt(done, () => {
      this.log.end(done, at);
      this.undecided.delete(reviewId);
    });
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
}
