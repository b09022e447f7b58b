import { availableParallelism } from 'node:os';
import type { Scenario } from '../../scenarios/types';
import { runScenario, type RunOptions, type RunResult } from '../runner';
import { runSharded } from './coordinator';
import { NotExactOnShards } from './shared-capacity';

/** How a run used the machine's cores (run.json's `cores`). */
export interface CoresFigures {
  /** Shards the run asked for, and those it ran on: 1 when it fell back to one process. */
  asked: number;
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
 * A run over `workers` cores (default: the machine's): its shards when it can be split
 * exactly, one process otherwise. A run over HTTP, or on one worker, is one process's. The
 * report is the same either way; `cores` says how it was made.
 */
export async function runOnCores(scenario: Scenario, options: RunOptions & { workers?: number } = {}): Promise<RunResult & { cores: CoresFigures }> {
  const asked = options.workers ?? availableParallelism();
  if (asked <= 1 || options.transport) return { ...(await runScenario(scenario, options)), cores: { asked, workers: 1 } };
  const tried = performance.now();
  try {
    // The shards' figures are the cores' as they are (`workers`: the shards it ran on).
    const { sharded, ...result } = await runSharded(scenario, options, asked);
    return { ...result, cores: { asked, ...sharded } };
  } catch (error) {
    // Stopped (Ctrl-C) while the shards ran: a terminal's Ctrl-C also ends the TypeScript
    // loader's esbuild service, so a shard still loading fails. One process stops at once and
    // gives the report of the run so far, as an interrupted run does.
    const stopped = options.signal?.aborted === true;
    if (!(error instanceof NotExactOnShards) && !stopped) throw error;
    const because = error instanceof NotExactOnShards ? error.because : 'interrupted while its shards ran';
    const fellBack = { because, triedSeconds: (performance.now() - tried) / 1000 };
    return { ...(await runScenario(scenario, options)), cores: { asked, workers: 1, fellBack } };
  }
}
