import { describe, expect, it } from 'vitest';
import { SCENARIOS, scenarioByName } from '../../scenarios';
import { localMidnight, resolveRules } from '../../rules';
import { exportK6Script } from '..';
import { formatDuration, hourMs, provinceSchedules } from '../stages';
import { arrivalsOf, durationMs, scriptOptions } from './helpers';

const DAY_MS = 86_400_000;
const days = (w: { from: string; to: string }) => (Date.parse(`${w.to}T00:00:00Z`) - Date.parse(`${w.from}T00:00:00Z`)) / DAY_MS + 1;

describe.each(SCENARIOS.map((s) => [s.name, s] as const))('%s: k6 scenarios from the arrival curve', (_name, scenario) => {
  const totalShare = scenario.provinces.reduce((sum, p) => sum + p.share, 0);
  const first = Math.min(...scenario.provinces.map((p) => localMidnight(p.window.from, 480)));

  it.each([1, 60, 7])('at time scale %d: one per province, stages spanning its window, arrivals adding up', (timeScale) => {
    const options = scriptOptions(exportK6Script(scenario, { timeScale }));
    const keys = Object.keys(options.scenarios);
    expect(keys.length).toBe(scenario.provinces.length);
    let all = 0;
    for (const province of scenario.provinces) {
      const k6 = options.scenarios[`province_${province.code}`];
      expect(k6.executor).toBe('ramping-arrival-rate');
      expect(k6.exec).toBe('applicant');
      // The window in real ms at this scale, to the ms; the time unit is a simulated hour.
      const windowMs = (days(province.window) * DAY_MS) / timeScale;
      expect(k6.stages.reduce((sum: number, s: { duration: string }) => sum + durationMs(s.duration), 0)).toBe(Math.round(windowMs));
      expect(Math.abs(durationMs(k6.timeUnit) - 3_600_000 / timeScale)).toBeLessThanOrEqual(0.5);
      expect(durationMs(k6.startTime)).toBe(Math.round((localMidnight(province.window.from, 480) - first) / timeScale));
      // Whole journeys per stage, rounded on the running total: within one of the share.
      const arrivals = arrivalsOf(k6);
      const expected = (scenario.applicants * province.share) / totalShare;
      expect(Math.abs(arrivals - expected)).toBeLessThanOrEqual(0.5 + expected * 1e-6);
      for (const stage of k6.stages) expect(Number.isInteger(stage.target) && stage.target >= 0).toBe(true);
      expect(k6.preAllocatedVUs).toBeGreaterThanOrEqual(1);
      expect(k6.maxVUs).toBeGreaterThanOrEqual(k6.preAllocatedVUs);
      expect(k6.maxVUs).toBeLessThanOrEqual(10_000);
      all += arrivals;
    }
    expect(Math.abs(all - scenario.applicants)).toBeLessThanOrEqual(scenario.provinces.length * 0.5 + 1);
  });
});

describe('stages', () => {
  const scenario = scenarioByName('deadline-rush');
  const rules = resolveRules();

  it('merge neighbouring hours of equal rate, so a run never follows an equal one', () => {
    const [schedule] = provinceSchedules(scenario, scenario.applicants, rules);
    const hours = days(scenario.provinces[0]!.window) * 24;
    expect(schedule!.runs.reduce((sum, r) => sum + r.hours, 0)).toBe(hours);
    expect(schedule!.runs.length).toBeLessThan(hours);
    schedule!.runs.slice(1).forEach((run, i) => expect(run.target).not.toBe(schedule!.runs[i]!.target));
  });

  it('follow the curve: the deadline rush draws more journeys a day than the middle of the window', () => {
    const [schedule] = provinceSchedules(scenario, scenario.applicants, rules);
    const perDay: number[] = [];
    let hour = 0;
    for (const run of schedule!.runs) {
      for (let h = 0; h < run.hours; h += 1, hour += 1) perDay[Math.floor(hour / 24)] = (perDay[Math.floor(hour / 24)] ?? 0) + run.target;
    }
    const middle = perDay[Math.floor(perDay.length / 2)]!;
    expect(perDay.at(-1)!).toBeGreaterThan(2 * middle);
  });

  it('scale with more applicants and a faster clock', () => {
    const options = (n: number, timeScale: number) => scriptOptions(exportK6Script(scenario, { applicants: n, timeScale })).scenarios.province_44;
    const base = options(30_000, 1);
    const twice = options(60_000, 1);
    expect(arrivalsOf(twice)).toBeCloseTo(2 * arrivalsOf(base), -1);
    const fast = options(30_000, 100);
    expect(durationMs(fast.timeUnit)).toBe(36_000);
    expect(fast.maxVUs).toBeGreaterThanOrEqual(base.maxVUs);
  });

  it('refuse a time scale that leaves no time, and format durations k6 reads', () => {
    expect(() => hourMs(0)).toThrow(RangeError);
    expect(() => hourMs(5_000_000)).toThrow(RangeError);
    expect([0, 36_000, 3_600_000, 9_000_000, 514_286].map(formatDuration)).toEqual(['0s', '36s', '1h', '2h30m', '514286ms']);
  });
});
