/**
 * The comparison's statistics: the tests against independently computed values, and the A/A
 * false-positive rates: a rule set against itself on independent streams flags about 5% of
 * its metrics before adjustment, and after Holm at most one over 20 comparisons.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../../sim/random';
import { holm, pairedTest, welchTest } from '../statistics';

describe('the tests', () => {
  // The expected figures were computed apart, in Python: the t distribution through the
  // regularized incomplete beta function (Numerical Recipes' continued fraction), its quantile by
  // bisection; not through the library the code uses.
  it('gives Welch\'s t-test: t = 3.8874 on 7.944 degrees of freedom', () => {
    const r = welchTest([4.1, 4.9, 5.3, 4.4, 5.0], [5.2, 6.1, 5.8, 6.4, 5.9]);
    expect(r.diff).toBeCloseTo(1.14, 10);
    expect(r.p!).toBeCloseTo(0.0046893, 6);
    expect(r.ci![0]).toBeCloseTo(0.462921, 5);
    expect(r.ci![1]).toBeCloseTo(1.817079, 5);
  });

  it('gives the paired t-test: t = 2.1381 on 4 degrees of freedom', () => {
    const r = pairedTest([10, 14, 12, 15, 11], [12, 15, 11, 18, 14]);
    expect(r.diff).toBeCloseTo(1.6, 10);
    expect(r.p!).toBeCloseTo(0.0993007, 6);
    expect(r.ci![0]).toBeCloseTo(-0.477701, 5);
    expect(r.ci![1]).toBeCloseTo(3.677701, 5);
  });

  it('adjusts as Holm\'s step-down does', () => {
    // Sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1: 0.02, 0.03, 0.06, 0.04 → running max 0.02, 0.03, 0.06, 0.06.
    const { adjusted, significant } = holm([0.01, 0.04, 0.03, 0.005]);
    expect(adjusted.map((p) => Number(p!.toFixed(6)))).toEqual([0.03, 0.06, 0.06, 0.02]);
    expect(significant).toEqual([true, false, false, true]);
    expect(holm([null, 0.01]).m).toBe(1);
  });
});

describe('A/A: a rule set against itself on independent streams', () => {
  const METRICS = 18;
  const REPLICATIONS = 5;
  const COMPARISONS = 20;
  // Metrics of very different scales and spreads, as a report's are (counts, rates, p95s).
  const scales = Array.from({ length: METRICS }, (_, m) => ({ mean: 10 ** (m % 5), sd: 0.1 * 10 ** (m % 5) * (1 + (m % 3)) }));

  /** One comparison: every metric's p-value, both sides drawn from the same distribution. */
  function comparison(seed: number): (number | null)[] {
    const rng = seedrandom(`aa-${seed}`);
    const draw = (mean: number, sd: number) => mean + sd * normalQuantile(Math.min(1 - 1e-12, Math.max(1e-12, rng())));
    return scales.map(({ mean, sd }) => {
      const a = Array.from({ length: REPLICATIONS }, () => draw(mean, sd));
      const b = Array.from({ length: REPLICATIONS }, () => draw(mean, sd));
      return welchTest(a, b).p;
    });
  }

  it(`flags about 5% of metrics before adjustment and at most one after Holm, over ${COMPARISONS} comparisons`, () => {
    const runs = Array.from({ length: COMPARISONS }, (_, i) => comparison(i));
    const raw = runs.flat().filter((p) => p !== null && p <= 0.05).length;
    const tests = COMPARISONS * METRICS;
    // At 5%, 360 tests flag 18 on average; a binomial's 99.9% upper bound is about 32.
    expect(raw / tests).toBeLessThanOrEqual(32 / tests);
    const afterHolm = runs.reduce((n, p) => n + holm(p).significant.filter(Boolean).length, 0);
    expect(afterHolm).toBeLessThanOrEqual(1);
  });
});
