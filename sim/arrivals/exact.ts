/**
 * Exactly n arrivals shaped by a curve: when the population is fixed (n applicants, each
 * arriving once), the Poisson count is not wanted, only the timing. Given its count, a
 * Poisson process's arrival times are n independent draws from the curve's density, in
 * order; this generates those order statistics one at a time (the sequential method:
 * U(i) = 1 − (1 − U(i−1))·V^(1/(n−i+1))), mapped through the inverse of the cumulative
 * expected arrivals, which is exact for a rate constant within each hour. Lazy and in time
 * order, like arrivalTimes.
 */
import type { Rng } from '../random';
import type { ArrivalCurve } from './curve';

const HOUR_MS = 3_600_000;

export function* exactArrivalTimes(curve: ArrivalCurve, n: number, rng: Rng): Generator<number, void, undefined> {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`the number of arrivals ${n} must be a whole number`);
  const { rates, startMs } = curve;
  const cumulative = new Float64Array(rates.length + 1);
  rates.forEach((r, k) => { cumulative[k + 1] = cumulative[k]! + r; });
  const total = cumulative[rates.length]!;
  if (n > 0 && total === 0) throw new RangeError('the curve has no open hour to put arrivals in');
  let survival = 1; // 1 − U(i)
  let k = 0;
  for (let i = 0; i < n; i += 1) {
    survival *= (1 - rng.next()) ** (1 / (n - i));
    const mass = (1 - survival) * total;
    while (k < rates.length - 1 && cumulative[k + 1]! <= mass) k += 1;
    const within = rates[k]! > 0 ? Math.min(1, (mass - cumulative[k]!) / rates[k]!) : 0;
    yield Math.floor(startMs + (k + within) * HOUR_MS);
  }
}
