import type { Report } from '../runner';
import type { Design } from './seeds';
import { holm, pairedTest, welchTest } from './statistics';

/**
 * The headline metrics a comparison reports, each read from a report.json. Latency p95 is
 * taken for the operations a rule change most often moves.
 */
export const HEADLINE: { name: string; of: (r: Report) => number }[] = [
  { name: 'funnel.registered', of: (r) => r.funnel.registered },
  { name: 'funnel.verified', of: (r) => r.funnel.verified },
  { name: 'funnel.submitted', of: (r) => r.funnel.submitted },
  { name: 'funnel.confirmed', of: (r) => r.funnel.confirmed },
  { name: 'funnel.approved', of: (r) => r.funnel.approved },
  { name: 'funnel.approvedRate', of: (r) => r.funnel.approvedRate },
  { name: 'abandoned.total', of: (r) => r.abandoned.total },
  { name: 'quotaDenials.sms', of: (r) => r.quotaDenials.sms },
  { name: 'quotaDenials.realName', of: (r) => r.quotaDenials.realName },
  { name: 'quotaDenials.manualReview', of: (r) => r.quotaDenials.manualReview },
  { name: 'manualReview.submitted', of: (r) => r.manualReview.submitted },
  { name: 'manualReview.slaBreaches', of: (r) => r.manualReview.slaBreaches },
  { name: 'manualReview.waitWorkingDays.p95', of: (r) => r.manualReview.waitWorkingDays.p95 },
  { name: 'onSite.waitWorkingDays.confirmation.p95', of: (r) => r.onSite.waitWorkingDays.confirmation.p95 },
  { name: 'peaks.smsPerHour', of: (r) => r.peaks.smsPerHour },
  { name: 'peaks.requestsPerSecond', of: (r) => r.peaks.requestsPerSecond },
  { name: 'latency.login.p95', of: (r) => r.latency.login?.p95 ?? 0 },
  { name: 'latency.submitRegistration.p95', of: (r) => r.latency.submitRegistration?.p95 ?? 0 },
];

export interface Difference {
  metric: string;
  a: number;
  b: number;
  /** B − A: the mean of the paired differences (common random numbers), or of the means (independent). */
  diff: number;
  /** Its 95% t-interval, and the two-sided p-value of "no difference" (null below 2 replications). */
  ci: [number, number] | null;
  p: number | null;
  /** The raw verdict: the interval excludes zero. One of m tests, so expect about 5% of them by chance. */
  intervalExcludesZero: boolean;
  /** Holm-adjusted p-value over the m metrics compared, and the verdict to act on: at most α. */
  pHolm: number | null;
  significantAfterHolm: boolean;
}

const round = (x: number) => Number(x.toPrecision(6));
const roundOrNull = (x: number | null) => (x === null ? null : round(x));

/**
 * Every headline metric under A and B, B − A with its 95% interval and p-value, and Holm's
 * verdict over the family. With common random numbers replication i of A and of B ran on the
 * same applicants, so the test is paired; with independent streams it is Welch's.
 */
export function differences(a: readonly Report[], b: readonly Report[], design: Design = 'common-random-numbers'): Difference[] {
  const test = design === 'independent' ? welchTest : pairedTest;
  const tests = HEADLINE.map(({ name, of }) => {
    const xa = a.map(of);
    const xb = b.map(of);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    return { metric: name, a: mean(xa), b: mean(xb), ...test(xa, xb) };
  });
  const adjusted = holm(tests.map((t) => t.p));
  return tests.map((t, i) => ({
    metric: t.metric, a: round(t.a), b: round(t.b), diff: round(t.diff),
    ci: t.ci ? [round(t.ci[0]), round(t.ci[1])] : null,
    p: roundOrNull(t.p),
    intervalExcludesZero: t.ci !== null && (t.ci[0] > 0 || t.ci[1] < 0),
    pHolm: roundOrNull(adjusted.adjusted[i]!),
    significantAfterHolm: adjusted.significant[i]!,
  }));
}
