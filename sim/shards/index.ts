/** One run over many cores, byte for byte the run of one (docs/parallel-runs.md). */
export { runOnCores, type CoresFigures } from './run-on-cores';
export { runSharded, type ShardedFigures } from './coordinator';
export { NotExactOnShards } from './shared-capacity';
