import type { Distribution } from '../../machines';
import type { Rng } from './rng';

/** A standard normal draw (Box–Muller; the second value is dropped to keep draws per call fixed). */
function normal(rng: Rng): number {
  const u = 1 - rng.next(); // (0, 1]: log(0) never happens
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** One draw from a distribution stated as data (machines/distribution.ts). */
export function sample(d: Distribution, rng: Rng): number {
  switch (d.kind) {
    case 'constant': return d.value;
    case 'uniform': return d.min + (d.max - d.min) * rng.next();
    case 'exponential': return -d.mean * Math.log(1 - rng.next());
    case 'lognormal': return d.median * Math.exp(d.sigma * normal(rng));
    case 'truncatedNormal': {
      // Rejection keeps the shape exact; past 64 tries (a window far in a tail) clamp instead.
      for (let i = 0; i < 64; i += 1) {
        const x = d.mean + d.sd * normal(rng);
        if (x >= d.min && x <= d.max) return x;
      }
      return Math.min(d.max, Math.max(d.min, d.mean));
    }
    case 'empirical': {
      if (d.values.length === 0) throw new RangeError('an empirical distribution needs values');
      return d.values[d.weights ? rng.weighted(d.weights) : rng.int(d.values.length)]!;
    }
  }
}
