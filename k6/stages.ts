/**
 * The k6 load profile from the simulator's own arrival curve (sim/arrivals): one
 * ramping-arrival-rate scenario per province, its stages the curve's hourly arrivals.
 *
 * k6 runs in real time, so a time scale N compresses it: one simulated hour lasts 3600/N real
 * seconds and the `timeUnit` is that hour, so a stage's target (journeys started per
 * simulated hour) reads the same at any scale while the real rate is N times higher.
 */
import type { Rules } from '../rules';
import type { Scenario } from '../scenarios';
import { arrivalCurve } from '../sim/arrivals';
import { arrivalPieces } from '../sim/runner';

const HOUR_MS = 3_600_000;

/** A run of simulated hours with the same number of journeys started in each. */
export interface Run { target: number; hours: number }

export interface ProvinceSchedule {
  /** The k6 scenario's name. */
  key: string;
  code: string;
  window: { from: string; to: string };
  /** Expected journeys over the window: applicants × the province's normalised share. */
  expected: number;
  /** Simulated ms from the earliest window's opening to this one's. */
  offsetMs: number;
  runs: Run[];
  /** The busiest hour's journeys. */
  peak: number;
}

/**
 * Each province's hourly arrivals from its curve. Stage targets must be whole numbers, so
 * hours are rounded on the cumulative count (rounding errors do not pile up: the window's
 * total stays the curve's expectation, rounded), then equal neighbours merge into one run.
 */
export function provinceSchedules(scenario: Scenario, applicants: number, rules: Rules): ProvinceSchedule[] {
  const totalShare = scenario.provinces.reduce((sum, p) => sum + p.share, 0);
  if (!(totalShare > 0)) throw new RangeError(`scenario ${scenario.name}: the provinces' shares sum to ${totalShare}`);
  const pieces = arrivalPieces(scenario.arrivals);
  const curves = scenario.provinces.map((p) => ({
    province: p,
    curve: arrivalCurve({ window: p.window, expected: (applicants * p.share) / totalShare, pieces, rules }),
  }));
  const firstStart = Math.min(...curves.map((c) => c.curve.startMs));
  return curves.map(({ province, curve }) => {
    let cumulative = 0;
    let counted = 0;
    const runs: Run[] = [];
    for (const rate of curve.rates) {
      cumulative += rate;
      const target = Math.round(cumulative) - counted;
      counted += target;
      const last = runs.at(-1);
      if (last && last.target === target) last.hours += 1;
      else runs.push({ target, hours: 1 });
    }
    return {
      key: `province_${province.code}`,
      code: province.code,
      window: province.window,
      expected: curve.expected,
      offsetMs: curve.startMs - firstStart,
      runs,
      peak: Math.max(...runs.map((r) => r.target)),
    };
  });
}

export interface K6Stage { target: number; duration: string }

export interface K6Timing {
  timeUnit: string;
  startTime: string;
  startRate: number;
  stages: K6Stage[];
}

/** One simulated hour in real ms at a time scale; refuses scales that leave less than a millisecond. */
export function hourMs(timeScale: number): number {
  if (!(Number.isFinite(timeScale) && timeScale > 0)) throw new RangeError(`--time-scale ${timeScale} must be a positive number`);
  const ms = HOUR_MS / timeScale;
  if (ms < 1) throw new RangeError(`--time-scale ${timeScale} leaves less than a millisecond per simulated hour`);
  return ms;
}

/**
 * A schedule as k6 timing at a time scale. A run holds its rate (a stage whose target equals
 * the previous one) and the next run jumps to its rate in a 0 s stage, so the rate is a step
 * function like the curve's. Stage ends are rounded to whole ms on the running total, so the
 * stages add up to the window exactly.
 */
export function k6Timing(schedule: ProvinceSchedule, timeScale: number): K6Timing {
  const hour = hourMs(timeScale);
  const stages: K6Stage[] = [];
  let hours = 0;
  let endMs = 0;
  schedule.runs.forEach((run, i) => {
    if (i > 0) stages.push({ target: run.target, duration: '0s' });
    hours += run.hours;
    const nextEnd = Math.round(hours * hour);
    stages.push({ target: run.target, duration: formatDuration(nextEnd - endMs) });
    endMs = nextEnd;
  });
  return {
    timeUnit: formatDuration(Math.round(hour)),
    startTime: formatDuration(Math.round(schedule.offsetMs / timeScale)),
    startRate: schedule.runs[0]?.target ?? 0,
    stages,
  };
}

/** Whole ms as a k6 duration: `1h`, `2h30m`, `36s`, or `514286ms` when it is not whole seconds. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms % 1000 !== 0) return `${ms}ms`;
  const s = ms / 1000;
  const parts = [[Math.floor(s / 3600), 'h'], [Math.floor((s % 3600) / 60), 'm'], [s % 60, 's']] as const;
  return parts.filter(([n]) => n > 0).map(([n, unit]) => `${n}${unit}`).join('');
}

/** VUs one k6 scenario may hold: more would exhaust a load generator; raise k6-operator's parallelism instead. */
const MAX_VUS = 10_000;

/**
 * VUs for a province's busiest hour by Little's law: journeys in progress = journeys started
 * per real second × a journey's real seconds. Pre-allocated with a fifth more, and up to
 * three times that before k6 drops iterations (counted in dropped_iterations).
 */
export function vuBudget(peakPerHour: number, timeScale: number, journeySeconds: number): { preAllocatedVUs: number; maxVUs: number } {
  const concurrent = (peakPerHour / (hourMs(timeScale) / 1000)) * journeySeconds;
  const preAllocatedVUs = Math.min(MAX_VUS, Math.max(1, Math.ceil(concurrent * 1.2)));
  return { preAllocatedVUs, maxVUs: Math.min(MAX_VUS, Math.max(preAllocatedVUs, Math.ceil(concurrent * 3))) };
}
