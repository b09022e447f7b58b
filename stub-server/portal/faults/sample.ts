import { MAX_DELAY_MS, type Latency } from './config';

/** A uniform draw in [0, 1). */
export type Uniform = () => number;

/** A delay in whole ms drawn from a latency, cut to [0, MAX_DELAY_MS]. */
export function sampleDelay(latency: Latency, uniform: Uniform): number {
  let ms: number;
  switch (latency.distribution) {
    case 'fixed': ms = latency.ms; break;
    case 'uniform': ms = latency.min + (latency.max - latency.min) * uniform(); break;
    // Inverse transform; 1 - u is in (0, 1], so the log is finite.
    case 'exponential': ms = -latency.mean * Math.log(1 - uniform()); break;
    case 'lognormal': ms = latency.median * Math.exp(latency.sigma * standardNormal(uniform)); break;
  }
  return Math.round(Math.min(MAX_DELAY_MS, Math.max(0, ms)));
}

/** Box–Muller. */
function standardNormal(uniform: Uniform): number {
  const u1 = 1 - uniform(); // (0, 1]
  const u2 = uniform();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
