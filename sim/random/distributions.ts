/**
 * Sampling the Distribution data of machines/distribution.ts. Every kind draws exactly one
 * uniform, by inverse CDF (no rejection, no Box-Muller pairs; a constant draws one too), so a
 * changed parameter or kind never shifts the draws that follow: runs stay aligned for comparison.
 */
import type { Distribution } from '../../machines';
import { normalCdf, normalPdf, normalQuantile } from './normal';
import type { Rng } from './rng';

/** A distribution with its parameters checked and its constants worked out once. */
export type Sampler = (rng: Rng) => number;

const compiled = new WeakMap<Distribution, Sampler>();

/** The kinds drawn with no constants to work out. */
type Direct = Extract<Distribution, { kind: 'constant' | 'uniform' | 'exponential' | 'lognormal' }>;

/**
 * One draw. The kinds with constants to work out (truncated normal, empirical) compile a
 * sampler once per distribution object, so treat distributions as immutable data (a changed
 * object keeps its old sampler; `sampler()` compiles afresh). The others are checked and drawn
 * directly: callers make them fresh per applicant (think time) and per request (service time),
 * and a cache entry, or a sampler made for one draw, would cost more than the draw.
 */
export function sample(dist: Distribution, rng: Rng): number {
  if (dist.kind !== 'truncatedNormal' && dist.kind !== 'empirical') return drawDirect(checked(dist), rng);
  let draw = compiled.get(dist);
  if (draw === undefined) {
    draw = sampler(dist);
    compiled.set(dist, draw);
  }
  return draw(rng);
}

/** Checks `dist` and returns a function drawing from it; throws RangeError on bad parameters. */
export function sampler(dist: Distribution): Sampler {
  switch (dist.kind) {
    case 'truncatedNormal':
      return truncatedNormal(dist);
    case 'empirical':
      return empirical(dist);
    default: {
      const direct = checked(dist);
      return (rng) => drawDirect(direct, rng);
    }
  }
}

/** `dist` if its parameters are good; throws RangeError otherwise. */
function checked(dist: Direct): Direct {
  switch (dist.kind) {
    case 'constant': finite(dist, 'value'); break;
    case 'uniform': ordered(dist); break;
    case 'exponential': positive(dist, 'mean'); break;
    case 'lognormal': positive(dist, 'median'); nonNegative(dist, 'sigma'); break;
  }
  return dist;
}

/** One draw of a checked distribution: one uniform, a constant's too (see `constant`). */
function drawDirect(dist: Direct, rng: Rng): number {
  switch (dist.kind) {
    case 'constant': rng.next(); return dist.value;
    case 'uniform': return dist.min + (dist.max - dist.min) * rng.next();
    case 'exponential': return -dist.mean * Math.log(1 - rng.next());
    case 'lognormal': return dist.median * Math.exp(dist.sigma * normalQuantile(openUnit(rng)));
  }
}

/** The distribution's theoretical mean. */
export function mean(dist: Distribution): number {
  switch (dist.kind) {
    case 'constant': return dist.value;
    case 'uniform': return (dist.min + dist.max) / 2;
    case 'exponential': return dist.mean;
    case 'lognormal': return dist.median * Math.exp(dist.sigma * dist.sigma / 2);
    case 'truncatedNormal': {
      const { mean: mu, sd } = dist;
      if (sd === 0) return clamp(mu, dist.min, dist.max);
      const [a, b, sign] = lowerSide((dist.min - mu) / sd, (dist.max - mu) / sd);
      const mass = normalCdf(b) - normalCdf(a);
      return mu + sign * sd * (normalPdf(a) - normalPdf(b)) / mass;
    }
    case 'empirical': {
      const weights = dist.weights ?? dist.values.map(() => 1);
      let total = 0;
      let sum = 0;
      dist.values.forEach((v, i) => { total += weights[i]!; sum += v * weights[i]!; });
      return sum / total;
    }
  }
}

/**
 * Inverse CDF on [Φ(a), Φ(b)]. An interval above the mean is mirrored below it first: there Φ
 * is small and keeps its relative precision, where near 1 it would round the interval away.
 */
function truncatedNormal(dist: Extract<Distribution, { kind: 'truncatedNormal' }>): Sampler {
  const { mean: mu } = finite(dist, 'mean');
  const { sd } = nonNegative(dist, 'sd');
  const { min, max } = ordered(dist);
  if (min === max) return constant(min);
  if (sd === 0) return constant(clamp(mu, min, max));
  const [a, b, sign] = lowerSide((min - mu) / sd, (max - mu) / sd);
  const lo = normalCdf(a);
  const mass = normalCdf(b) - lo;
  if (!(mass > 0)) throw new RangeError(`truncatedNormal: [${min}, ${max}] is too far from the mean to sample`);
  return (rng) => clamp(mu + sign * sd * normalQuantile(lo + mass * rng.next()), min, max);
}

/** Weighted values by binary search on cumulative weights (one uniform, O(log n)). */
function empirical(dist: Extract<Distribution, { kind: 'empirical' }>): Sampler {
  const values = [...dist.values];
  if (values.length === 0) throw new RangeError('empirical: values is empty');
  if (!values.every(Number.isFinite)) throw new RangeError('empirical: values must be finite');
  if (dist.weights === undefined) return (rng) => values[Math.floor(rng.next() * values.length)]!;
  if (dist.weights.length !== values.length) throw new RangeError('empirical: weights and values differ in length');
  const cumulative = new Float64Array(values.length);
  let total = 0;
  dist.weights.forEach((w, i) => {
    if (!(w >= 0 && w < Number.POSITIVE_INFINITY)) throw new RangeError(`empirical: weight ${w} must be finite and >= 0`);
    total += w;
    cumulative[i] = total;
  });
  if (!(total > 0)) throw new RangeError('empirical: weights sum to 0');
  return (rng) => {
    const target = rng.next() * total;
    let lo = 0;
    let hi = values.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return values[lo]!;
  };
}

/** A constant still draws, so swapping it for a random kind shifts no later draw. */
function constant(value: number): Sampler {
  const dist: Direct = { kind: 'constant', value };
  return (rng) => drawDirect(dist, rng);
}

/** Standardised bounds, mirrored below the mean when the interval lies mostly above it. */
function lowerSide(a: number, b: number): [number, number, 1 | -1] {
  return a + b > 0 ? [-b, -a, -1] : [a, b, 1];
}

/** A uniform in (0, 1): the quantile of 0 is -Infinity. */
function openUnit(rng: Rng): number {
  return rng.next() || 2 ** -53;
}

function clamp(x: number, min: number, max: number): number {
  return x < min ? min : x > max ? max : x;
}

type Field<D, K extends keyof D> = Pick<D, K>;

function finite<D extends Distribution, K extends keyof D & string>(dist: D, key: K): Field<D, K> {
  const v = dist[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`${dist.kind}: ${key} must be a finite number, got ${String(v)}`);
  return dist;
}

function positive<D extends Distribution, K extends keyof D & string>(dist: D, key: K): Field<D, K> {
  finite(dist, key);
  if (!((dist[key] as number) > 0)) throw new RangeError(`${dist.kind}: ${key} must be > 0, got ${String(dist[key])}`);
  return dist;
}

function nonNegative<D extends Distribution, K extends keyof D & string>(dist: D, key: K): Field<D, K> {
  finite(dist, key);
  if (!((dist[key] as number) >= 0)) throw new RangeError(`${dist.kind}: ${key} must be >= 0, got ${String(dist[key])}`);
  return dist;
}

const notNaN = (x: number) => !Number.isNaN(x);

/** min <= max; truncatedNormal's bounds may be infinite, uniform's may not. */
function ordered<D extends Extract<Distribution, { min: number; max: number }>>(dist: D): D {
  const { min, max } = dist;
  const ok = dist.kind === 'uniform' ? Number.isFinite : notNaN;
  if (!ok(min) || !ok(max) || min > max) throw new RangeError(`${dist.kind}: needs min <= max, got [${min}, ${max}]`);
  return dist;
}
