import { hash128 } from '../random';

/** How the two sides' replications relate: the same seeds (common random numbers), or independent ones. */
export type Design = 'common-random-numbers' | 'independent';

/**
 * The seeds each side's replications run on. Common random numbers: replication i of both
 * sides on seed + i, the same applicants doing the same things. Independent: each side's from a
 * hash of (seed, side, i), so the sides share no stream, and neither do comparisons on nearby
 * seeds (seed + i for A and seed + N + i for B would make `--seed 1` and `--seed 2` share most
 * of their runs, and an A/A check over many seeds would count the same runs again).
 */
export function replicationSeeds(design: Design, seed: number, replications: number): [number[], number[]] {
  const side = (name: 'A' | 'B') => Array.from({ length: replications }, (_, i) =>
    design === 'independent' ? hash128(`compare/${seed}/${name}/${i}`)[0] : seed + i);
  return [side('A'), side('B')];
}
