/**
 * Arrival times of a non-homogeneous Poisson process, by thinning (Lewis & Shedler 1979):
 * candidates come as a homogeneous process at a bounding rate λ*, and one at time t is kept
 * with probability λ(t)/λ*. The bound is taken per Beijing day (the day's busiest hour),
 * not over the whole window: closed days then cost nothing, and about half the candidates
 * are kept instead of a few percent on a window with an opening spike.
 *
 * Lazy and in time order: the simulator takes one arrival at a time, so millions of them
 * never sit in memory or in the event queue together.
 */
import type { Rng } from '../random';
import type { ArrivalCurve } from './curve';

const HOUR_MS = 3_600_000;
const DAY_HOURS = 24;

export function* arrivalTimes(curve: ArrivalCurve, rng: Rng): Generator<number, void, undefined> {
  const { rates, startMs } = curve;
  for (let first = 0; first < rates.length; first += DAY_HOURS) {
    let bound = 0;
    for (let k = first; k < first + DAY_HOURS; k += 1) bound = Math.max(bound, rates[k]!);
    if (bound === 0) continue;
    const dayStart = startMs + first * HOUR_MS;
    const dayEnd = dayStart + DAY_HOURS * HOUR_MS;
    // The process is memoryless, so restarting the candidates at each day's start is exact.
    for (let t = dayStart; ;) {
      t += (-Math.log(1 - rng.next()) / bound) * HOUR_MS;
      if (t >= dayEnd) break;
      if (rng.next() * bound < rates[Math.floor((t - startMs) / HOUR_MS)]!) yield Math.floor(t);
    }
  }
}
