import type { JourneyContext, Milestone } from '../../machines';
import type { Call } from '../applicant';
import { Counts, LatencyRecorder, SmallIntDistribution, TimeSeries, type HourLevels, type HourTallyWire, type LatencyWire } from '../metrics';

type CountsWire = [string, number][];
/** A RunMetrics as plain data (structured-cloneable): what a part of a run sends the whole. */
export interface RunMetricsWire {
  funnel: CountsWire; outcomes: CountsWire; quotaDenials: CountsWire; refusals: CountsWire;
  abandoned: [step: string, byReason: CountsWire][];
  latency: LatencyWire; hours: HourTallyWire[]; requests: number; sessionExpiries: number;
  review: { submitted: number; decided: number; approved: number; slaBreaches: number; waits: number[] };
  desks: { confirmed: number; confirmationFailed: number; messages: number; reverted: number; decided: CountsWire; waits: { confirmation: number[]; approval: number[] } };
}

/** Problem codes that are quota denials, by the kind report.json names. */
const QUOTA_KIND: Record<string, string> = {
  SMS_DAILY_QUOTA_EXCEEDED: 'sms',
  WECHAT_DAILY_QUOTA_EXCEEDED: 'wechat',
  REAL_NAME_DAILY_QUOTA_EXCEEDED: 'realName',
  MANUAL_REVIEW_CYCLE_QUOTA_EXCEEDED: 'manualReview',
};

/** Not a refusal: a session lasts hours, and applicants come back days later; they sign in again. */
const SESSION_EXPIRED = 'SESSION_EXPIRED';

/** Everything a run counts, as it happens; `report.ts` turns it into report.json. */
export class RunMetrics {
  readonly funnel = new Counts();
  readonly outcomes = new Counts();
  readonly abandoned = new Map<string, Counts>();
  readonly quotaDenials = new Counts();
  readonly refusals = new Counts();
  readonly latency = new LatencyRecorder();
  readonly review = { submitted: 0, decided: 0, approved: 0, slaBreaches: 0, waits: new SmallIntDistribution() };
  readonly desks = {
    confirmed: 0, confirmationFailed: 0, messages: 0, reverted: 0, decided: new Counts(),
    /** Working days an application waited at each desk (queued to handled; each tier of approval counts). */
    waits: { confirmation: new SmallIntDistribution(), approval: new SmallIntDistribution() },
  };
  readonly series: TimeSeries;
  requests = 0;
  /** Calls answered SESSION_EXPIRED: expected, counted apart from refusals. */
  sessionExpiries = 0;

  constructor(label: (ms: number) => string, levels: () => HourLevels) {
    this.series = new TimeSeries(label, levels);
  }

  arrived(now: number): void { this.series.count(now, 'arrivals'); }

  milestone(name: Milestone, now: number): void {
    this.funnel.add(name);
    if (name === 'submitted') this.series.count(now, 'submissions');
  }

  call(call: Call, latencyMs: number, at: number, retry = false): void {
    this.requests += 1;
    this.latency.record(call.op, latencyMs);
    this.series.count(at, 'requests');
    if (retry) this.series.count(at, 'retries');
    this.series.latency(at, latencyMs);
    // The body only of a refusal: a success's may be built only when read (the form PDF).
    const { status } = call.answer;
    if (call.op === 'requestSmsCode' && status === 200) this.series.count(at, 'sms');
    if (call.op === 'verifyRealName' && status === 200) this.series.count(at, 'registryChecks');
    if (status === 503 && call.answer.body?.code === 'SERVER_BUSY') this.series.count(at, 'serverBusy');
    if (status === 504) this.series.count(at, 'gatewayTimeouts');
    if (status >= 400) {
      const code = String(call.answer.body?.code ?? status);
      if (code === SESSION_EXPIRED) this.sessionExpiries += 1;
      else {
        this.refusals.add(code);
        const kind = QUOTA_KIND[code];
        if (kind) this.quotaDenials.add(kind);
      }
    }
    if (call.op === 'submitManualReview' && status === 201) this.review.submitted += 1;
  }

  finished(state: string, context: JourneyContext): void {
    this.outcomes.add(state);
    if (state !== 'abandoned' || !context.abandoned) return;
    const { step, reason } = context.abandoned;
    let byReason = this.abandoned.get(step);
    if (!byReason) this.abandoned.set(step, (byReason = new Counts()));
    byReason.add(reason);
  }

  /**
   * What this part of a run split among threads counted, as plain data for the whole to absorb.
   * The series' open hours go with it (`TimeSeries.takeBefore`): this part counts no more.
   */
  toWire(): RunMetricsWire {
    const { review, desks } = this;
    return {
      funnel: this.funnel.toWire(), outcomes: this.outcomes.toWire(), quotaDenials: this.quotaDenials.toWire(), refusals: this.refusals.toWire(),
      abandoned: [...this.abandoned].map(([step, byReason]) => [step, byReason.toWire()]),
      latency: this.latency.toWire(), hours: this.series.takeBefore(Infinity), requests: this.requests, sessionExpiries: this.sessionExpiries,
      review: { ...review, waits: review.waits.toWire() },
      desks: { ...desks, decided: desks.decided.toWire(), waits: { confirmation: desks.waits.confirmation.toWire(), approval: desks.waits.approval.toWire() } },
    };
  }

  /**
   * Adds what another part of the run counted (`toWire`). Counts, histograms and the hours
   * still open add exactly, in any order of parts. The peaks of levels (applicants in progress,
   * at the portal) are not sums: they come from the parts' changes merged in time order.
   */
  absorb(part: RunMetricsWire): void {
    for (const key of ['funnel', 'outcomes', 'quotaDenials', 'refusals'] as const) this[key].absorb(part[key]);
    for (const [step, byReason] of part.abandoned) {
      let mine = this.abandoned.get(step);
      if (!mine) this.abandoned.set(step, (mine = new Counts()));
      mine.absorb(byReason);
    }
    this.latency.absorb(part.latency);
    this.series.absorb(part.hours);
    this.requests += part.requests;
    this.sessionExpiries += part.sessionExpiries;
    for (const key of ['submitted', 'decided', 'approved', 'slaBreaches'] as const) this.review[key] += part.review[key];
    this.review.waits.absorb(part.review.waits);
    for (const key of ['confirmed', 'confirmationFailed', 'messages', 'reverted'] as const) this.desks[key] += part.desks[key];
    this.desks.decided.absorb(part.desks.decided);
    this.desks.waits.confirmation.absorb(part.desks.waits.confirmation);
    this.desks.waits.approval.absorb(part.desks.waits.approval);
  }

  reviewDecided(approved: boolean, workingDays: number, withinSla: boolean): void {
    this.review.decided += 1;
    if (approved) this.review.approved += 1;
    if (!withinSla) this.review.slaBreaches += 1;
    this.review.waits.add(workingDays);
  }
}
