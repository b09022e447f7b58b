import type { Report } from '../../sim/runner';

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

/** Student's t quantile at 0.975 for small degrees of freedom (then the normal's 1.96). */
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];
export const t975 = (df: number) => T975[df - 1] ?? 1.96;

export interface Difference {
  metric: string;
  a: number;
  b: number;
  /** Mean of the paired differences b − a over the replications. */
  diff: number;
  ci: [number, number] | null;
  /** The interval excludes zero (needs at least 2 replications). */
  significant: boolean;
}

const round = (x: number) => Number(x.toPrecision(6));

/**
 * Paired differences: replication i of A and of B ran on the same applicants (same seed),
 * so each pair's difference is the rule change's effect plus little noise, and a 95%
 * t-interval over the pairs says whether the change did something.
 */
export function differences(a: readonly Report[], b: readonly Report[]): Difference[] {
  return HEADLINE.map(({ name, of }) => {
    const xa = a.map(of);
    const xb = b.map(of);
    const d = xb.map((v, i) => v - xa[i]!);
    const n = d.length;
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const diff = mean(d);
    let ci: [number, number] | null = null;
    if (n >= 2) {
      const sd = Math.sqrt(d.reduce((s, x) => s + (x - diff) ** 2, 0) / (n - 1));
      const half = t975(n - 1) * sd / Math.sqrt(n);
      ci = [round(diff - half), round(diff + half)];
    }
    const significant = ci !== null && (ci[0] > 0 || ci[1] < 0);
    return { metric: name, a: round(mean(xa)), b: round(mean(xb)), diff: round(diff), ci, significant };
  });
}
