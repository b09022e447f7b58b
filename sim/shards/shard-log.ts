import type { JourneyContext } from '../../machines';
import type { Booking } from '../capacity';
import type { CallingApplicant, JourneyObserver } from '../runner';
import type { Call } from '../applicant';
import { ACTIVE, BOOKING, SESSION, type CommandAnswer, type Counted, type DeskWork, type WindowReport } from './protocol';

/**
 * What a shard writes down for the coordinator as its applicants go, until the window's report
 * takes it: the counts, the rows whose order matters (levels, the servers' bookings) with their
 * moment and order key, and the work for the back office. It is the shard's JourneyObserver.
 */
export class ShardLog implements JourneyObserver {
  private counted: Counted[] = [];
  private calls: number[] = [];
  private ordered: number[] = [];
  private readonly numbered = new Map<string, number>();
  private strings: string[] = [];
  private desk: DeskWork[] = [];
  private answers: CommandAnswer[] = [];
  /** When each applicant in progress last called the portal (a decision done late must come after it). */
  readonly lastCall = new Map<number, number>();

  constructor(private readonly now: () => number, private readonly forget: (idNumber: string, index: number) => void) {}

  private row(order: number, kind: number, a: number, b = 0, c = 0): void {
    this.ordered.push(this.now(), order, kind, a, b, c);
  }

  arrived(now: number): void { this.counted.push(['arrived', now]); }

  started(index: number): void { this.row(0, ACTIVE, 1); this.lastCall.set(index, this.now()); }

  booked(b: Booking): void {
    if (b.refused) this.row(0, BOOKING, b.now, 0, 2);
    else this.row(0, BOOKING, b.start, b.service, b.timedOut ? 1 : 0);
  }

  answered(answer: CommandAnswer): void { this.answers.push(answer); }

  milestone(name: string, now: number): void { this.counted.push(['milestone', name, now]); }

  refused(code: string): void { this.counted.push(['refused', code]); }

  inSession(_count: number, entered: boolean, record: { index: number }): void { this.row(record.index + 1, SESSION, entered ? 1 : -1); }

  finished(state: string, context: JourneyContext, record: { index: number; idNumber: string }): void {
    this.counted.push(['finished', record.index, state, context.abandoned?.step ?? null, context.abandoned?.reason ?? null]);
    this.row(record.index + 1, ACTIVE, -1);
    this.lastCall.delete(record.index);
    this.forget(record.idNumber, record.index);
  }

  call(call: Call, latencyMs: number, at: number, { record, session }: CallingApplicant, retry: boolean): void {
    const { status } = call.answer;
    const code = status >= 400 ? this.number(String(call.answer.body?.code ?? status)) : -1;
    this.calls.push(this.number(call.op), status, code, latencyMs, at, retry ? 1 : 0);
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

  private number(name: string): number {
    let n = this.numbered.get(name);
    if (n === undefined) {
      this.numbered.set(name, (n = this.numbered.size));
      this.strings.push(name);
    }
    return n;
  }

  /** What was written since the last report, and `active` now (its buffers go with the message: WindowReport.transfer). */
  report(active: number, events: number, adds: WindowReport['adds'], waitedMs: WindowReport['waitedMs']): WindowReport {
    const report = {
      counted: this.counted, calls: Float64Array.from(this.calls), strings: this.strings, ordered: Float64Array.from(this.ordered),
      desk: this.desk, adds, answers: this.answers, active, events, waitedMs,
    };
    this.counted = [];
    this.calls = [];
    this.strings = [];
    this.ordered = [];
    this.desk = [];
    this.answers = [];
    return report;
  }
}
