import { describe, expect, it } from 'vitest';
import { RandomStreams, STREAM_NAMES, type Rng } from '../index';

const draws = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.next());

/** Pearson correlation of paired draws. */
function correlation(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0; let sxx = 0; let syy = 0;
  for (let i = 0; i < n; i += 1) {
    sxy += (x[i]! - mx) * (y[i]! - my); sxx += (x[i]! - mx) ** 2; syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('RandomStreams', () => {
  it('gives the same sequence for the same seed and name', () => {
    for (const name of STREAM_NAMES) {
      expect(draws(new RandomStreams(42).stream(name), 1000)).toEqual(draws(new RandomStreams('42').stream(name), 1000));
    }
  });

  it('keeps to the same numbers from one version to the next (reports depend on it)', () => {
    const streams = new RandomStreams(1);
    expect(draws(streams.stream('arrivals'), 3)).toMatchInlineSnapshot(`
      [
        0.040297543397173285,
        0.3183343056589365,
        0.4461775596719235,
      ]
    `);
    expect(draws(streams.stream('behaviour').fork(7), 3)).toMatchInlineSnapshot(`
      [
        0.7837937334552407,
        0.024705670773983,
        0.3369166972115636,
      ]
    `);
  });

  it('gives another sequence for another seed', () => {
    expect(draws(new RandomStreams(1).stream('portal'), 10)).not.toEqual(draws(new RandomStreams(2).stream('portal'), 10));
  });

  it('returns one stream per name, whatever the order of asking', () => {
    const a = new RandomStreams(7);
    const b = new RandomStreams(7);
    a.stream('portal').next(); // drawing from one stream moves no other
    expect(a.stream('behaviour')).toBe(a.stream('behaviour'));
    expect(draws(a.stream('behaviour'), 100)).toEqual(draws(b.stream('behaviour'), 100));
  });

  it('makes streams that do not move together', () => {
    const s = new RandomStreams(3);
    const n = 20_000;
    const bound = 4 / Math.sqrt(n); // |r| of independent streams is about N(0, 1/n)
    const all = STREAM_NAMES.map((name) => draws(s.stream(name), n));
    for (let i = 0; i < all.length; i += 1) {
      for (let j = i + 1; j < all.length; j += 1) expect(Math.abs(correlation(all[i]!, all[j]!))).toBeLessThan(bound);
    }
    // Forks, including neighbouring indices, and a fork against its parent.
    const behaviour = s.stream('behaviour');
    const f1 = draws(behaviour.fork(1), n);
    expect(Math.abs(correlation(f1, draws(behaviour.fork(2), n)))).toBeLessThan(bound);
    expect(Math.abs(correlation(f1, draws(behaviour.fork(1).fork(1), n)))).toBeLessThan(bound);
    expect(Math.abs(correlation(f1, draws(new RandomStreams(3).stream('behaviour'), n)))).toBeLessThan(bound);
  });

  it('derives forks from the name only: same name, same sequence, parent untouched', () => {
    const a = new RandomStreams(9).stream('behaviour');
    const before = draws(a.fork(5), 50);
    for (let i = 0; i < 1000; i += 1) a.fork(i); // forking draws nothing from the parent
    expect(draws(a, 3)).toEqual(draws(new RandomStreams(9).stream('behaviour'), 3));
    expect(draws(a.fork(5), 50)).toEqual(before);
    expect(a.fork(5).key).toBe('9/behaviour/5');
    expect(draws(a.fork('5'), 5)).toEqual(before.slice(0, 5)); // names are strings
  });

  it('refuses an unknown stream name', () => {
    expect(() => new RandomStreams(1).stream('nope' as never)).toThrow(RangeError);
  });
});

describe('Rng draws', () => {
  const rng = () => new RandomStreams('draws').stream('population');

  it('next is in [0, 1) and uniform', () => {
    const r = rng();
    const n = 100_000;
    const bins = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < n; i += 1) {
      const u = r.next();
      if (!(u >= 0 && u < 1)) outside += 1;
      else bins[Math.floor(u * 10)]! += 1;
    }
    expect(outside).toBe(0);
    // chi-square, 9 degrees of freedom: 27.9 is its 0.999 quantile
    const chi2 = bins.reduce((s, c) => s + (c - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.9);
  });

  it('int, chance, pick and weighted', () => {
    const r = rng();
    const n = 60_000;
    const ints = new Array<number>(6).fill(0);
    let heads = 0;
    const weightedCounts = [0, 0, 0, 0];
    const picks = new Map<string, number>();
    for (let i = 0; i < n; i += 1) {
      ints[r.int(6)]! += 1;
      if (r.chance(0.3)) heads += 1;
      weightedCounts[r.weighted([1, 0, 3, 6])]! += 1;
      const p = r.pick(['a', 'b', 'c']);
      picks.set(p, (picks.get(p) ?? 0) + 1);
    }
    for (const c of ints) expect(Math.abs(c - n / 6)).toBeLessThan(5 * Math.sqrt(n / 6));
    expect(Math.abs(heads / n - 0.3)).toBeLessThan(5 * Math.sqrt(0.3 * 0.7 / n));
    expect(weightedCounts[1]).toBe(0);
    [0.1, 0, 0.3, 0.6].forEach((p, i) => expect(Math.abs(weightedCounts[i]! / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n) + 1e-9));
    expect([...picks.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect(r.chance(0)).toBe(false);
    expect(r.chance(1)).toBe(true);
  });

  it('refuses what has no answer', () => {
    const r = rng();
    expect(() => r.int(0)).toThrow(RangeError);
    expect(() => r.int(2.5)).toThrow(RangeError);
    expect(() => r.pick([])).toThrow(RangeError);
    expect(() => r.weighted([0, 0])).toThrow(RangeError);
    expect(() => r.weighted([1, -1])).toThrow(RangeError);
    expect(() => r.weighted([])).toThrow(RangeError);
  });
});
