import type { JourneyContext, Milestone } from '../../machines';
import type { ServerBooks } from '../capacity';
import type { HourTallyWire } from '../metrics';
import type { CallingApplicant, JourneyObserver, RunMetrics } from '../runner';
import type { Call } from '../applicant';
import { ACTIVE, SESSION, type CommandAnswer, type DeskWork, type ShardCounts, type WindowReport } from './protocol';

const HOUR_MS = 3_600_000;

/**
 * What a shard writes down for the coordinator as its applicants go: it counts what counts
 * whatever its order in its own metrics (the coordinator adds them up), and keeps until the
 * window's report the rows whose order matters (the levels) with their moment and order key,
 * and the work for the back office. It is the shard's JourneyObserver.
 */
export class ShardLog implements JourneyObserver {
  private arrivals = 0;
  private ended: number[] = [];
  private ordered: number[] = [];
  private desk: DeskWork[] = [];
  /** Hours closed here, not yet reported; the moment the next would close. */
  private closed: HourTallyWire[] = [];
  private nextClose = -Infinity;
  private answers: CommandAnswer[] = [];
  /** When each applicant in progress last called the portal (a decision done late must come after it). */
  readonly lastCall = new Map<number, number>();

  constructor(private readonly metrics: RunMetrics, private readonly books: ServerBooks, private readonly now: () => number, private readonly forget: (idNumber: string, index: number) => void) {}

  private row(order: number, kind: number, a: number): void {
    this.ordered.push(this.now(), order, kind, a);
  }

  /**
   * Closes hours when one process would (TimeSeries.endOfHour: an hour at the end of the next),
   * so that a count later than that (a step of over an hour) goes to the same hour as there.
   */
  private closeHours(now: number): void {
    if (now < this.nextClose) return;
    const before = Math.floor((now + 1) / HOUR_MS) * HOUR_MS - HOUR_MS;
    this.closed.push(...this.metrics.series.takeBefore(before));
    this.nextClose = before + 2 * HOUR_MS - 1;
  }

  arrived(now: number): void { this.closeHours(this.now()); this.arrivals += 1; this.metrics.arrived(now); }

  started(index: number): void { this.row(0, ACTIVE, 1); this.lastCall.set(index, this.now()); }

  answered(answer: CommandAnswer): void { this.answers.push(answer); }

  milestone(name: Milestone, now: number): void { this.closeHours(this.now()); this.metrics.milestone(name, now); }

  refused(code: string): void { this.metrics.refusals.add(code); }

  inSession(_count: number, entered: boolean, record: { index: number }): void { this.row(record.index + 1, SESSION, entered ? 1 : -1); }

  finished(state: string, context: JourneyContext, record: { index: number; idNumber: string }): void {
    this.closeHours(this.now());
    this.metrics.finished(state, context);
    this.ended.push(record.index);
    this.row(record.index + 1, ACTIVE, -1);
    this.lastCall.delete(record.index);
    this.forget(record.idNumber, record.index);
  }

  call(call: Call, latencyMs: number, at: number, { record, session }: CallingApplicant, retry: boolean): void {
    this.closeHours(this.now());
    this.metrics.call(call, latencyMs, at, retry);
    const { status } = call.answer;
    this.lastCall.set(record.index, Math.max(at, this.lastCall.get(record.index) ?? at));
    const order = record.index + 1;
    if (call.op === 'submitManualReview' && status === 201) {
      this.desk.push({ kind: 'review', time: this.now(), order, index: record.index, reviewId: call.answer.body.reviewId });
    }
    if (call.op === 'getApplicationForm' && status === 200 && session.applicationNumber && session.choice) {
      const { confirmationPointId: pointId, institutionId } = session.choice;
      this.desk.push({ kind: 'confirmation', time: this.now(), order, index: record.index, applicationNumber: session.applicationNumber, pointId, institutionId });
    }
  }

  /** The hours closed by the end of a window to `until` (one process's last sample is a millisecond before it). */
  private closeAt(until: number): HourTallyWire[] {
    this.closeHours(until - 1);
    const closed = this.closed;
    this.closed = [];
    return closed;
  }

  /** Everything counted and not yet reported (the run is over): the metrics, their closed hours with them, and the servers' books. */
  counts(): Omit<ShardCounts, 'peakHeapMb'> {
    const metrics = this.metrics.toWire();
    return { metrics: { ...metrics, hours: [...this.closed, ...metrics.hours] }, servers: this.books.takeBefore(Infinity) };
  }

  /**
   * What was written since the last report, and `active` now. At a window's end (`until`), the
   * hours closed go too (all but the last), and the servers' books of the hours over (no later
   * booking falls in them).
   */
  report(active: number, events: number, adds: WindowReport['adds'], waitedMs: WindowReport['waitedMs'], until?: number): WindowReport {
    const report = {
      arrived: this.arrivals, ended: this.ended, hours: until === undefined ? [] : this.closeAt(until),
      servers: until === undefined ? { busy: [], wait: [] } : this.books.takeBefore(Math.floor(until / HOUR_MS) * HOUR_MS),
      ordered: Float64Array.from(this.ordered), desk: this.desk, adds, answers: this.answers, active, events, waitedMs,
    };
    this.arrivals = 0;
    this.ended = [];
    this.ordered = [];
    this.desk = [];
    this.answers = [];
    return report;
  }
}
