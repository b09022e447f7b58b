/**
 * The comparison's statistics: the tests against independently computed values, and their
 * false-positive rates on synthetic replications with nothing to find (aa.test.ts: the same on
 * the real simulator).
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../../sim/random';
import { holm, pairedTest, welchTest } from '../statistics';
import { binomialQuantile } from './binomial';

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

describe('A/A: both sides drawn from one distribution', () => {
  const METRICS = 18;
  const REPLICATIONS = 5;
  // Metrics of very different scales and spreads, as a report's are (counts, rates, p95s).
  const scales = Array.from({ length: METRICS }, (_, m) => ({ mean: 10 ** (m % 5), sd: 0.1 * 10 ** (m % 5) * (1 + (m % 3)) }));

  /**
   * One comparison's p-values. Independent: A and B drawn apart, Welch's test. Paired: B's i-th
   * draw shares most of its noise with A's (as common random numbers make it), the paired test.
   */
  function comparison(seed: number, design: 'independent' | 'paired'): (number | null)[] {
    const rng = seedrandom(`aa-${design}-${seed}`);
    const z = () => normalQuantile(Math.min(1 - 1e-12, Math.max(1e-12, rng())));
    return scales.map(({ mean, sd }) => {
      const a = Array.from({ length: REPLICATIONS }, () => mean + sd * z());
      const b = design === 'independent' ? Array.from({ length: REPLICATIONS }, () => mean + sd * z()) : a.map((x) => x + 0.3 * sd * z());
      return (design === 'independent' ? welchTest : pairedTest)(a, b).p;
    });
  }
  const flagged = (ps: (number | null)[]) => ps.filter((p) => p !== null && p <= 0.05).length;

  it('flags at most about 5% of metrics before adjustment and at most one after Holm, over 20 comparisons', () => {
    const runs = Array.from({ length: 20 }, (_, i) => comparison(i, 'independent'));
    // 18 of 360 expected; the binomial's 99.9% quantile is 32.
    expect(flagged(runs.flat())).toBeLessThanOrEqual(binomialQuantile(360, 0.05, 0.999));
    expect(runs.reduce((n, p) => n + holm(p).significant.filter(Boolean).length, 0)).toBeLessThanOrEqual(1);
  });

  // Over 500 comparisons the rates are pinned down: each test flags 5% of the time (not fewer:
  // a test that never flags would pass the check above), and Holm's family flags at most 5%.
  for (const design of ['independent', 'paired'] as const) {
    it(`is calibrated over 500 comparisons: ${design === 'independent' ? "Welch's" : 'the paired'} test flags 5% of metrics, Holm at most 5% of comparisons`, () => {
      const runs = Array.from({ length: 500 }, (_, i) => comparison(i, design));
      const tests = runs.length * METRICS;
      const raw = flagged(runs.flat());
      expect(raw).toBeGreaterThanOrEqual(binomialQuantile(tests, 0.05, 0.0005));
      expect(raw).toBeLessThanOrEqual(binomialQuantile(tests, 0.05, 0.9995));
      const anyAfterHolm = runs.filter((p) => holm(p).significant.some(Boolean)).length;
      expect(anyAfterHolm).toBeLessThanOrEqual(binomialQuantile(runs.length, 0.05, 0.999));
    });
  }
});
