import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { RulesOverride } from '../../rules';
import type { Scenario } from '../scenario';
import type { Report } from '../runner';
import { defaultShards } from '../shards';

/** One run of the simulator: a scenario (data), its seed, applicants and rule change. */
export interface RunJob { scenario: Scenario; seed: number; applicants?: number; rules?: RulesOverride }

/** A job as a pool's thread takes it: with the shards its run may use (sim/shards). */
export interface PooledJob extends RunJob { shards: number }

/** How a pool spends its cores: threads running a run each, and the shards each run may use. */
export interface CoreSplit { threads: number; shardsPerRun: number }

const CLOSED = 'the run pool was closed';

/**
 * Runs of the simulator spread over worker threads (Piscina), one run at a time per worker:
 * each free worker takes the next job, so uneven runs still keep every core busy. A run's
 * report depends only on its job, so which worker ran it never shows in the result, nor on
 * how many shards it ran on.
 */
export class RunPool {
  private readonly pool: Piscina<PooledJob, Report>;
  private closed = false;
  readonly split: CoreSplit;

  /**
   * `workers` cores (default: the machine's) for `runs` runs: a thread per run up to the cores,
   * and the cores left over shared among the runs as shards. Replications are independent, so
   * they come first: shards pay window barriers and may fall back to one process; runs pay
   * nothing. Four cores and two runs: two threads, each run on two shards. Given the runs'
   * `applicants`, no more shards than pay for themselves (defaultShards, as `run` takes when not
   * told): a run under 100,000 applicants is one process, however many cores are spare.
   */
  static split(workers: number | undefined, runs: number, applicants?: number): CoreSplit {
    const cores = Math.max(1, workers ?? availableParallelism());
    const threads = Math.max(1, Math.min(cores, runs));
    const spare = Math.max(1, Math.floor(cores / threads));
    return { threads, shardsPerRun: applicants === undefined ? spare : defaultShards(applicants, spare) };
  }

  /** The split in words, for the commands' first line. */
  static describe({ threads, shardsPerRun }: CoreSplit): string {
    const each = shardsPerRun > 1 ? `each run over ${shardsPerRun} shards (one process if it cannot be split)` : 'a run at a time each';
    return `over ${threads} worker thread${threads === 1 ? '' : 's'}, ${each}`;
  }

  /** `applicants`: how many each run has, when known (see `split`). */
  constructor(workers: number | undefined, runs: number, applicants?: number) {
    this.split = RunPool.split(workers, runs, applicants);
    const size = this.split.threads;
    // Worker threads start without the parent's TypeScript loader: worker-entry.mjs registers tsx.
    this.pool = new Piscina({ filename: new URL('./worker-entry.mjs', import.meta.url).href, minThreads: size, maxThreads: size, idleTimeout: Infinity });
  }

  /** The job's report; or its run's own error. */
  run(job: RunJob): Promise<Report> {
    if (this.closed) return Promise.reject(new Error(CLOSED));
    return this.pool.run({ ...job, shards: this.split.shardsPerRun }).catch((error: unknown) => {
      throw this.closed ? new Error(CLOSED) : error;
    });
  }

  /** Stops the workers; jobs not yet answered are refused. */
  async close(): Promise<void> {
    this.closed = true;
    await this.pool.destroy();
  }
}
