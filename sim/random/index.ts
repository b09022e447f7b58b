/** Seeded randomness: named streams from one seed, cheap per-applicant forks, distributions. */
export { Rng } from './rng';
export { RandomStreams, STREAM_NAMES, type StreamName } from './streams';
export { sample, sampler, mean, type Sampler } from './distributions';
export { normalCdf, normalPdf, normalQuantile } from './normal';
export { hash128 } from './hash128';
export { pickWeighted } from './weighted';
