import { describe, expect, it } from 'vitest';
import { defaultRules, localDate } from '../../../rules';
import { RandomStreams } from '../../random';
import {
  arrivalCurve, arrivalTimes, closedOnHolidays, deadlineRush, defaultPieces, hourOfDay, mergeArrivals, openingSpike,
  windowArrivals, DEFAULT_HOUR_WEIGHTS,
} from '../index';

const BEIJING = defaultRules.time.utcOffsetMinutes;
const rng = (seed: number) => new RandomStreams(seed).stream('arrivals');
const countBy = <K>(items: readonly K[]) => items.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<K, number>());
const beijingHour = (ms: number) => new Date(ms + BEIJING * 60_000).getUTCHours();

describe('arrivalTimes', () => {
  const window = { from: '2026-09-11', to: '2026-11-15' };
  const curve = arrivalCurve({ window, expected: 20_000, pieces: defaultPieces(), rules: defaultRules });

  it('brings about the expected number, in time order, inside the window', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const times = [...arrivalTimes(curve, rng(seed))];
      expect(Math.abs(times.length - 20_000)).toBeLessThan(4 * Math.sqrt(20_000)); // Poisson: sd = √20000 ≈ 141
      expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
      expect(times[0]! >= curve.startMs && times.at(-1)! < curve.endMs).toBe(true);
    }
  });

  it('brings no one on a holiday (National Day, 1-7 Oct 2026)', () => {
    const times = [...arrivalTimes(curve, rng(6))];
    const dates = countBy(times.map((t) => localDate(t, BEIJING)));
    for (let d = 1; d <= 7; d += 1) expect(dates.get(`2026-10-0${d}`) ?? 0).toBe(0);
    expect(dates.get('2026-10-08')).toBeGreaterThan(0);
  });

  it('is the same for the same seed and differs for another', () => {
    const a = [...arrivalTimes(curve, rng(7))];
    expect([...arrivalTimes(curve, rng(7))]).toEqual(a);
    expect([...arrivalTimes(curve, rng(8))]).not.toEqual(a);
  });

  it('shows the opening spike, the hour-of-day shape and the deadline rush in the samples', () => {
    const shaped = arrivalCurve({
      window: { from: '2026-11-02', to: '2026-11-29' }, expected: 200_000, rules: defaultRules,
      pieces: [openingSpike({ peakMultiplier: 3, decayDays: 1 }), hourOfDay(), deadlineRush({ days: 2, multiplier: 2 }), closedOnHolidays()],
    });
    const times = [...arrivalTimes(shaped, rng(9))];
    const days = countBy(times.map((t) => localDate(t, BEIJING)));
    const usual = ['2026-11-16', '2026-11-17', '2026-11-18'].reduce((s, d) => s + days.get(d)!, 0) / 3;
    expect(days.get('2026-11-02')! / usual).toBeGreaterThan(2.8);
    expect(days.get('2026-11-02')! / usual).toBeLessThan(3.2);
    const rush = (days.get('2026-11-28')! + days.get('2026-11-29')!) / 2;
    expect(rush / usual).toBeGreaterThan(1.85);
    expect(rush / usual).toBeLessThan(2.15);
    const hours = countBy(times.map(beijingHour));
    const total = DEFAULT_HOUR_WEIGHTS.reduce((a, b) => a + b, 0);
    for (let h = 0; h < 24; h += 1) {
      const expected = (times.length * DEFAULT_HOUR_WEIGHTS[h]!) / total;
      expect(Math.abs((hours.get(h) ?? 0) - expected), `hour ${h}`).toBeLessThan(5 * Math.sqrt(expected) + 1);
    }
    expect(hours.get(10)! / hours.get(3)!).toBeGreaterThan(20);
  });
});

describe('merging windows', () => {
  it('merges the provinces in time order, numbering each one’s arrivals', () => {
    const specs = [
      { key: '35', window: { from: '2026-09-11', to: '2026-11-15' }, expected: 3_000 },
      { key: '45', window: { from: '2026-09-20', to: '2026-11-20' }, expected: 2_000 },
      { key: '11', window: { from: '2026-10-12', to: '2026-11-30' }, expected: 1_000, pieces: [closedOnHolidays()] },
    ];
    const { curves, arrivals } = windowArrivals(specs, { rng: rng(10), rules: defaultRules, pieces: defaultPieces() });
    const merged = [...arrivals];
    expect(merged.every((a, i) => i === 0 || a.at >= merged[i - 1]!.at)).toBe(true);
    for (const spec of specs) {
      const own = merged.filter((a) => a.source === spec.key);
      expect(own.map((a) => a.seq)).toEqual(own.map((_, i) => i));
      // Each province's arrivals are those of its own stream, whatever the others do.
      expect(own.map((a) => a.at)).toEqual([...arrivalTimes(curves.get(spec.key)!, rng(10).fork(spec.key))]);
      expect(Math.abs(own.length - spec.expected)).toBeLessThan(4 * Math.sqrt(spec.expected));
    }
    expect(merged.filter((a) => a.source === '11').every((a) => a.at >= curves.get('11')!.startMs)).toBe(true);
  });

  it('breaks ties by the order of the sources', () => {
    const merged = [...mergeArrivals([{ key: 'b', times: [1, 5, 5] }, { key: 'a', times: [0, 5, 9] }])];
    expect(merged).toEqual([
      { at: 0, source: 'a', seq: 0 }, { at: 1, source: 'b', seq: 0 }, { at: 5, source: 'b', seq: 1 },
      { at: 5, source: 'b', seq: 2 }, { at: 5, source: 'a', seq: 1 }, { at: 9, source: 'a', seq: 2 },
    ]);
    expect(() => [...mergeArrivals([{ key: 'x', times: [3, 2] }])]).toThrow(/back in time/);
  });
});
