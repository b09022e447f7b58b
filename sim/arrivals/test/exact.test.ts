import { describe, expect, it } from 'vitest';
import { defaultRules, localDate } from '../../../rules';
import { RandomStreams } from '../../random';
import { arrivalCurve, dailyExpectation, defaultPieces, exactArrivalTimes, windowArrivals } from '../index';

const BEIJING = defaultRules.time.utcOffsetMinutes;
const rng = (seed: number) => new RandomStreams(seed).stream('arrivals');

describe('exactArrivalTimes', () => {
  const curve = arrivalCurve({ window: { from: '2026-09-11', to: '2026-11-15' }, expected: 50_000, pieces: defaultPieces(), rules: defaultRules });

  it('brings exactly n, in order, inside the window, shaped by the curve', () => {
    const times = [...exactArrivalTimes(curve, 50_000, rng(1))];
    expect(times).toHaveLength(50_000);
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
    expect(times[0]! >= curve.startMs && times.at(-1)! < curve.endMs).toBe(true);
    const counts = new Map<string, number>();
    for (const t of times) counts.set(localDate(t, BEIJING), (counts.get(localDate(t, BEIJING)) ?? 0) + 1);
    for (const { date, expected } of dailyExpectation(curve)) {
      if (expected === 0) expect(counts.get(date) ?? 0, date).toBe(0);
      else expect(Math.abs((counts.get(date) ?? 0) - expected), date).toBeLessThan(5 * Math.sqrt(expected) + 1);
    }
  });

  it('is deterministic per seed, and gives each window its count when merged', () => {
    expect([...exactArrivalTimes(curve, 1_000, rng(2))]).toEqual([...exactArrivalTimes(curve, 1_000, rng(2))]);
    const { arrivals } = windowArrivals(
      [{ key: '35', window: { from: '2026-09-11', to: '2026-11-15' }, expected: 1_234 }, { key: '45', window: { from: '2026-09-20', to: '2026-11-20' }, expected: 567 }],
      { rng: rng(3), rules: defaultRules, pieces: defaultPieces(), exact: true },
    );
    const merged = [...arrivals];
    expect(merged.filter((a) => a.source === '35')).toHaveLength(1_234);
    expect(merged.filter((a) => a.source === '45').at(-1)!.seq).toBe(566);
    expect([...exactArrivalTimes(curve, 0, rng(4))]).toEqual([]);
  });
});
