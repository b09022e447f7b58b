import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** The tests' level: 95% intervals, and "significant" at p ≤ 0.05 (Holm's over the family). */
export const ALPHA = 0.05;

/** A difference B − A with its 95% interval and two-sided p-value (null with too few replications). */
export interface Test { diff: number; ci: [number, number] | null; p: number | null }

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const variance = (xs: readonly number[], m = mean(xs)) => xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);

/** A t statistic's 95% interval and p-value; no spread at all means the difference is exact. */
function tTest(diff: number, se: number, df: number): Test {
  if (!(df >= 1)) return { diff, ci: null, p: null };
  if (se === 0) return { diff, ci: [diff, diff], p: diff === 0 ? 1 : 0 };
  const half = tQuantile(1 - ALPHA / 2, df) * se;
  return { diff, ci: [diff - half, diff + half], p: 2 * (1 - tCdf(Math.abs(diff) / se, df)) };
}

/**
 * Paired t-test: replication i of A and of B ran on the same seed (common random numbers), so
 * each pair's difference is the change's effect with most of the noise cancelled.
 */
export function pairedTest(a: readonly number[], b: readonly number[]): Test {
  const d = b.map((x, i) => x - a[i]!);
  const n = d.length;
  const diff = mean(d);
  return n < 2 ? { diff, ci: null, p: null } : tTest(diff, Math.sqrt(variance(d, diff) / n), n - 1);
}

/**
 * Welch's t-test: A and B ran on independent streams, so nothing pairs them; the two samples'
 * variances may differ (Welch–Satterthwaite degrees of freedom).
 */
export function welchTest(a: readonly number[], b: readonly number[]): Test {
  const diff = mean(b) - mean(a);
  if (a.length < 2 || b.length < 2) return { diff, ci: null, p: null };
  const va = variance(a) / a.length;
  const vb = variance(b) / b.length;
  const se = Math.sqrt(va + vb);
  const df = se === 0 ? a.length + b.length - 2 : (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  return tTest(diff, se, df);
}

/**
 * Holm's step-down adjustment of a family of p-values (Holm 1979). Sorted smallest first, the
 * k-th (k = 1…m) is compared with α / (m − k + 1), stopping at the first that fails; as
 * adjusted p-values, max over j ≤ k of min(1, (m − j + 1) p(j)). It keeps the chance of any
 * false "significant" in the family at most α whatever the dependence between the tests (the
 * 18 metrics are far from independent: approved and approvedRate move together), and rejects
 * at least what Bonferroni does. A few lines, so written here rather than taken from a library.
 * A test without a p-value is left out of the family.
 */
export function holm(pValues: readonly (number | null)[], alpha = ALPHA): { adjusted: (number | null)[]; significant: boolean[]; m: number } {
  const order = pValues.map((p, i) => ({ p, i })).filter((x): x is { p: number; i: number } => x.p !== null).sort((x, y) => x.p - y.p || x.i - y.i);
  const m = order.length;
  const adjusted: (number | null)[] = pValues.map(() => null);
  let running = 0;
  // k counts from 0 here, so the k-th smallest is multiplied by m − k.
  order.forEach(({ p, i }, k) => {
    running = Math.max(running, Math.min(1, (m - k) * p));
    adjusted[i] = running;
  });
  return { adjusted, significant: adjusted.map((p) => p !== null && p <= alpha), m };
}
