import { availableParallelism } from 'node:os';
import type { Scenario } from '../scenario';
import { runScenario, type RunOptions, type RunResult } from '../runner';
import { runSharded } from './coordinator';
import { NotExactOnShards } from './shared-capacity';

/** How a run used the machine's cores (run.json's `cores`). */
export interface CoresFigures {
  /** Shards the run asked for, and those it ran on: 1 when it fell back to one process. */
  asked: number;
  /** Not told how many (`--workers` not given): the machine's cores, of which it asked one per APPLICANTS_PER_SHARD applicants. */
  machineCores?: number;
  workers: number;
  /** Why it ran on one process after all (a shard needed more than its share of a shared capacity), and what the try cost. */
  fellBack?: { because: string; triedSeconds: number };
  windows?: number;
  /** Each shard's heap limit (MB): its share of the run's (the main thread's, less the coordinator's part). */
  shardHeapLimitMb?: number[];
  /** Each shard's largest heap and the coordinator's (MB, V8's committed size at window ends). */
  shardPeakHeapMb?: number[];
  coordinatorPeakHeapMb?: number;
  /** Wall time the coordinator waited for its shards (their windows, the desks' rounds), and spent itself (counting, the back office). */
  barrierSeconds?: number;
  coordinatorSeconds?: number;
  /** coordinatorSeconds over the run's wall time: the serial share. */
  coordinatorShare?: number;
  /** Each shard's wall time waiting for the coordinator: at window ends and rounds, and at school meetings. */
  shardWaitSeconds?: { windows: number; schools: number }[];
}

/**
 * Applicants a shard needs before shards pay for themselves. Below that, starting the shards and
 * meeting them at every window costs more than their half of the work saves: on two cores the
 * season ran 0.71 times as fast on two shards as in one process at 20,000 applicants, 0.89 at
 * 50,000, 1.05 at 100,000, and default's 5,000 0.62 (docs/parallel-runs.md, "How many shards
 * by default").
 */
export const APPLICANTS_PER_SHARD = 50_000;

/** The shards a run of `applicants` asks for when not told: the cores, at most one per APPLICANTS_PER_SHARD applicants. */
export function defaultShards(applicants: number, cores: number): number {
  return Math.max(1, Math.min(cores, Math.floor(applicants / APPLICANTS_PER_SHARD)));
}

/**
 * A run over `workers` cores (default: the machine's, at most one per APPLICANTS_PER_SHARD
 * applicants): its shards when it can be split exactly, one process otherwise. A run over
 * HTTP, or on one worker, is one process's. The report is the same either way; `cores` says how
 * it was made.
 */
export async function runOnCores(scenario: Scenario, options: RunOptions & { workers?: number } = {}): Promise<RunResult & { cores: CoresFigures }> {
  const machineCores = availableParallelism();
  const asked = options.workers ?? defaultShards(options.applicants ?? scenario.applicants, machineCores);
  const asking = options.workers === undefined ? { asked, machineCores } : { asked };
  if (asked <= 1 || options.transport) return { ...(await runScenario(scenario, options)), cores: { ...asking, workers: 1 } };
  const tried = performance.now();
  try {
    // The shards' figures are the cores' as they are (`workers`: the shards it ran on).
    const { sharded, ...result } = await runSharded(scenario, options, asked);
    return { ...result, cores: { ...asking, ...sharded } };
  } catch (error) {
    // Stopped (Ctrl-C) while the shards ran: a terminal's Ctrl-C also ends the TypeScript
    // loader's esbuild service, so a shard still loading fails. One process stops at once and
    // gives the report of the run so far, as an interrupted run does.
    const stopped = options.signal?.aborted === true;
    if (!(error instanceof NotExactOnShards) && !stopped) throw error;
    const because = error instanceof NotExactOnShards ? error.because : 'interrupted while its shards ran';
    const fellBack = { because, triedSeconds: (performance.now() - tried) / 1000 };
    return { ...(await runScenario(scenario, options)), cores: { ...asking, workers: 1, fellBack } };
  }
}
