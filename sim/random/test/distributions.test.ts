import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../../machines/distribution';
import { mean, normalCdf, normalQuantile, RandomStreams, sample, sampler } from '../index';

const N = 200_000;

/** n draws with their mean, standard error, min and max. */
function summary(dist: Distribution, seed = 'dist') {
  const rng = new RandomStreams(seed).stream('behaviour');
  const draw = sampler(dist);
  let sum = 0; let sumSq = 0; let min = Infinity; let max = -Infinity;
  const xs = new Float64Array(N);
  for (let i = 0; i < N; i += 1) {
    const x = draw(rng);
    xs[i] = x; sum += x; sumSq += x * x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const m = sum / N;
  const se = Math.sqrt((sumSq / N - m * m) / N);
  return { mean: m, se, min, max, xs };
}

const fractionBelow = (xs: Float64Array, x: number) => xs.reduce((c, v) => c + (v < x ? 1 : 0), 0) / xs.length;

describe('the normal functions', () => {
  it('match tabulated values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 7);
    expect(normalCdf(-3) / 0.0013498980316301).toBeCloseTo(1, 6);
    expect(normalCdf(-8) / 6.220960574271784e-16).toBeCloseTo(1, 6); // relative precision deep in the tail
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 7);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
    for (const p of [1e-12, 0.001, 0.02, 0.3, 0.7, 0.99]) expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 6);
  });
});

describe('sample', () => {
  const cases: [string, Distribution][] = [
    ['constant', { kind: 'constant', value: 7 }],
    ['uniform', { kind: 'uniform', min: 2, max: 10 }],
    ['exponential', { kind: 'exponential', mean: 250 }],
    ['lognormal', { kind: 'lognormal', median: 30, sigma: 0.8 }],
    ['truncated normal, both sides', { kind: 'truncatedNormal', mean: 10, sd: 4, min: 5, max: 12 }],
    ['truncated normal, upper tail', { kind: 'truncatedNormal', mean: 0, sd: 1, min: 3, max: 4 }],
    ['truncated normal, lower tail', { kind: 'truncatedNormal', mean: 100, sd: 10, min: -Infinity, max: 60 }],
    ['truncated normal, far tail', { kind: 'truncatedNormal', mean: 0, sd: 1, min: 9, max: Infinity }],
    ['empirical', { kind: 'empirical', values: [1, 2, 10] }],
    ['empirical, weighted', { kind: 'empirical', values: [1, 2, 10, 50], weights: [5, 3, 2, 0] }],
  ];

  it.each(cases)('%s: the sample mean is within 5 standard errors of the theory', (_, dist) => {
    const s = summary(dist);
    const tolerance = Math.max(5 * s.se, 1e-12 * Math.abs(mean(dist)));
    expect(Math.abs(s.mean - mean(dist))).toBeLessThanOrEqual(tolerance);
  });

  it('respects bounds', () => {
    for (const [, dist] of cases) {
      if (dist.kind !== 'truncatedNormal' && dist.kind !== 'uniform') continue;
      const s = summary(dist);
      expect(s.min).toBeGreaterThanOrEqual(dist.min);
      expect(s.max).toBeLessThanOrEqual(dist.max);
      if (dist.kind === 'uniform') expect(s.max).toBeLessThan(dist.max);
    }
    const far = summary({ kind: 'truncatedNormal', mean: 0, sd: 1, min: 9, max: Infinity });
    expect(far.min).toBeGreaterThanOrEqual(9);
    expect(far.max).toBeLessThan(11); // mass beyond 9.5 sd from a 9 sd cut is tiny
  });

  it('has the right shape where the mean alone would not tell', () => {
    const logn = summary({ kind: 'lognormal', median: 30, sigma: 0.8 });
    expect(Math.abs(fractionBelow(logn.xs, 30) - 0.5)).toBeLessThan(0.005);
    const expo = summary({ kind: 'exponential', mean: 250 });
    expect(Math.abs(1 - fractionBelow(expo.xs, 250) - Math.exp(-1))).toBeLessThan(0.005);
    const weighted = summary({ kind: 'empirical', values: [1, 2, 10, 50], weights: [5, 3, 2, 0] });
    expect(Math.abs(fractionBelow(weighted.xs, 1.5) - 0.5)).toBeLessThan(0.005);
    expect(weighted.max).toBe(10);
    const trunc = summary({ kind: 'truncatedNormal', mean: 10, sd: 4, min: 5, max: 12 });
    const cdf = (x: number) => (normalCdf((x - 10) / 4) - normalCdf(-5 / 4)) / (normalCdf(0.5) - normalCdf(-5 / 4));
    expect(Math.abs(fractionBelow(trunc.xs, 9) - cdf(9))).toBeLessThan(0.005);
  });

  it('draws exactly one uniform per sample, whatever the kind (streams stay aligned)', () => {
    for (const [, dist] of cases) {
      const a = new RandomStreams('align').stream('portal');
      const b = new RandomStreams('align').stream('portal');
      sample(dist, a);
      b.next();
      expect(a.next()).toBe(b.next());
    }
  });

  it('caches the compiled sampler per distribution object', () => {
    const dist: Distribution = { kind: 'exponential', mean: 5 };
    const a = new RandomStreams(1).stream('arrivals');
    const b = new RandomStreams(1).stream('arrivals');
    const draw = sampler(dist);
    for (let i = 0; i < 10; i += 1) expect(sample(dist, a)).toBe(draw(b));
  });

  it('handles degenerate parameters', () => {
    const rng = new RandomStreams(1).stream('arrivals');
    expect(sample({ kind: 'truncatedNormal', mean: 5, sd: 0, min: 0, max: 3 }, rng)).toBe(3);
    expect(sample({ kind: 'truncatedNormal', mean: 5, sd: 2, min: 4, max: 4 }, rng)).toBe(4);
    expect(sample({ kind: 'uniform', min: 2, max: 2 }, rng)).toBe(2);
    expect(sample({ kind: 'lognormal', median: 8, sigma: 0 }, rng)).toBe(8);
  });

  it('refuses bad parameters, naming the field', () => {
    const bad: Distribution[] = [
      { kind: 'constant', value: Number.NaN },
      { kind: 'uniform', min: 3, max: 1 },
      { kind: 'uniform', min: 0, max: Infinity },
      { kind: 'exponential', mean: 0 },
      { kind: 'lognormal', median: -1, sigma: 1 },
      { kind: 'lognormal', median: 1, sigma: -1 },
      { kind: 'truncatedNormal', mean: 0, sd: -1, min: 0, max: 1 },
      { kind: 'truncatedNormal', mean: 0, sd: 1, min: 2, max: 1 },
      { kind: 'truncatedNormal', mean: 0, sd: 1, min: 40, max: 41 },
      { kind: 'empirical', values: [] },
      { kind: 'empirical', values: [1, 2], weights: [1] },
      { kind: 'empirical', values: [1, 2], weights: [0, 0] },
      { kind: 'empirical', values: [1, 2], weights: [1, -1] },
    ];
    for (const dist of bad) expect(() => sampler(dist), JSON.stringify(dist)).toThrow(RangeError);
    expect(() => sampler({ kind: 'exponential', mean: 0 })).toThrow(/exponential: mean must be > 0/);
  });
});
