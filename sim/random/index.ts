/** Seeded randomness: named streams from one seed, cheap forks, distributions as data. */
export { RandomStreams, type Rng } from './rng';
export { sample } from './distributions';
