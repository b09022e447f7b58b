import { describe, expect, it } from 'vitest';
import { defaultRules, localMidnight, resolveRules } from '../../../rules';
import {
  arrivalCurve, closedOn, closedOnHolidays, dailyExpectation, deadlineRush, defaultPieces, hourOfDay, hourlyExpectation,
  openingSpike, weekday, DEFAULT_HOUR_WEIGHTS,
} from '../index';

const BEIJING = defaultRules.time.utcOffsetMinutes;
const day = (curve: ReturnType<typeof arrivalCurve>, date: string) =>
  curve.expectedBetween(localMidnight(date, BEIJING), localMidnight(date, BEIJING) + 86_400_000);

describe('arrivalCurve', () => {
  it('expects exactly the target over the window, and nothing outside it', () => {
    const curve = arrivalCurve({ window: { from: '2026-09-11', to: '2026-11-15' }, expected: 50_000, pieces: defaultPieces(), rules: defaultRules });
    expect(curve.expectedBetween(curve.startMs, curve.endMs)).toBeCloseTo(50_000, 6);
    expect(curve.expectedBetween(0, Number.MAX_SAFE_INTEGER)).toBeCloseTo(50_000, 6);
    expect(hourlyExpectation(curve).reduce((s, h) => s + h.expected, 0)).toBeCloseTo(50_000, 6);
    expect(curve.startMs).toBe(localMidnight('2026-09-11', BEIJING));
    expect(curve.endMs).toBe(localMidnight('2026-11-16', BEIJING));
    expect(curve.rateAt(curve.startMs - 1)).toBe(0);
    expect(curve.rateAt(curve.endMs)).toBe(0);
    expect(curve.maxRate).toBe(Math.max(...curve.rates));
  });

  it('is zero on official holidays with the default rules, open when the rules say so', () => {
    const window = { from: '2026-09-20', to: '2026-10-20' };
    const closed = arrivalCurve({ window, expected: 10_000, pieces: [closedOnHolidays()], rules: defaultRules });
    for (const d of ['2026-09-25', '2026-10-01', '2026-10-04', '2026-10-07']) expect(day(closed, d)).toBe(0);
    expect(day(closed, '2026-10-08')).toBeGreaterThan(0);
    expect(day(closed, '2026-09-20')).toBeGreaterThan(0); // a make-up working Sunday: open
    const open = arrivalCurve({ window, expected: 10_000, pieces: [closedOnHolidays()], rules: resolveRules({ calendar: { portalClosedOnHolidays: false } }) });
    expect(day(open, '2026-10-01')).toBeCloseTo(10_000 / 31, 6);
  });

  it('makes the opening day the configured multiple of a usual day', () => {
    const curve = arrivalCurve({
      window: { from: '2026-11-02', to: '2026-11-30' }, expected: 10_000, rules: defaultRules,
      pieces: [openingSpike({ peakMultiplier: 4, decayDays: 1 }), closedOn(['2026-11-20'])],
    });
    const usual = day(curve, '2026-11-18');
    expect(day(curve, '2026-11-02') / usual).toBeCloseTo(4, 3);
    expect(day(curve, '2026-11-03') / usual).toBeCloseTo(1 + 3 * Math.exp(-1), 3);
    expect(day(curve, '2026-11-20')).toBe(0);
  });

  it('shapes the day by the hour-of-day weights, the week by the weekday weights', () => {
    const curve = arrivalCurve({ window: { from: '2026-11-01', to: '2026-11-28' }, expected: 10_000, pieces: [hourOfDay(), weekday()], rules: defaultRules });
    const hours = hourlyExpectation(curve).filter((h) => h.date === '2026-11-04');
    hours.forEach((h) => expect(h.expected / hours[10]!.expected).toBeCloseTo(DEFAULT_HOUR_WEIGHTS[h.hour]! / DEFAULT_HOUR_WEIGHTS[10]!, 9));
    const days = dailyExpectation(curve);
    expect(days).toHaveLength(28);
    expect(days[1]!.expected / days[0]!.expected).toBeCloseTo(1.15 / 0.6, 9); // Monday against Sunday
  });

  it('counts a make-up working day (调休) as a weekday', () => {
    const curve = arrivalCurve({ window: { from: '2026-10-05', to: '2026-10-18' }, expected: 1_000, pieces: [weekday()], rules: defaultRules });
    expect(day(curve, '2026-10-10') / day(curve, '2026-10-17')).toBeCloseTo(((1.15 + 1.1 + 1.05 + 1.0 + 0.95) / 5) / 0.6, 9); // Sat 10 Oct works
  });

  it('puts the deadline rush on the last days', () => {
    const curve = arrivalCurve({ window: { from: '2026-11-01', to: '2026-11-30' }, expected: 3_000, pieces: [deadlineRush({ days: 3, multiplier: 2.5 })], rules: defaultRules });
    const days = dailyExpectation(curve).map((d) => d.expected);
    expect(days.slice(-3).every((x) => Math.abs(x / days[0]! - 2.5) < 1e-9)).toBe(true);
    expect(days[26]! / days[0]!).toBeCloseTo(1, 9);
  });

  it('refuses windows that cannot hold the expected arrivals', () => {
    expect(() => arrivalCurve({ window: { from: '2026-10-01', to: '2026-10-07' }, expected: 10, pieces: [closedOnHolidays()], rules: defaultRules })).toThrow(/no open hour/);
    expect(() => arrivalCurve({ window: { from: '2026-10-08', to: '2026-10-07' }, expected: 10, pieces: [], rules: defaultRules })).toThrow(RangeError);
    expect(() => hourOfDay([1, 2, 3])).toThrow(/24 weights/);
    expect(() => openingSpike({ peakMultiplier: 0.5, decayDays: 1 })).toThrow(RangeError);
  });
});
