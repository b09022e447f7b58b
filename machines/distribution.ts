/**
 * Distributions as data, so personas and scenarios can state them and reports can print
 * them. Sampling lives in sim/random (it needs a seeded stream).
 */
export type Distribution =
  | { kind: 'constant'; value: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'exponential'; mean: number }
  | { kind: 'lognormal'; median: number; sigma: number }
  | { kind: 'truncatedNormal'; mean: number; sd: number; min: number; max: number }
  | { kind: 'empirical'; values: number[]; weights?: number[] };
