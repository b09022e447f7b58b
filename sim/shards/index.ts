/** One run over many cores, byte for byte the run of one (docs/parallel-runs.md). */
export { APPLICANTS_PER_SHARD, defaultShards, runOnCores, type CoresFigures } from './run-on-cores';
export { runSharded, type ShardedFigures } from './coordinator';
export { NotExactOnShards } from './shared-capacity';
