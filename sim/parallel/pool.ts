import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { RulesOverride } from '../../rules';
import type { Scenario } from '../../scenarios';
import type { Report } from '../runner';

/** One run of the simulator: a scenario (data), its seed, applicants and rule change. */
export interface RunJob { scenario: Scenario; seed: number; applicants?: number; rules?: RulesOverride }

const CLOSED = 'the run pool was closed';

/**
 * Runs of the simulator spread over worker threads (Piscina), one run at a time per worker:
 * each free worker takes the next job, so uneven runs still keep every core busy. A run's
 * report depends only on its job, so which worker ran it never shows in the result.
 */
export class RunPool {
  private readonly pool: Piscina<RunJob, Report>;
  private closed = false;

  /** How many threads a pool for `runs` runs is given: `workers` (default: the machine's cores), no more than the runs. */
  static threadsFor(workers: number | undefined, runs: number): number {
    return Math.max(1, Math.min(workers ?? availableParallelism(), runs));
  }

  constructor(workers: number | undefined, runs: number) {
    const size = RunPool.threadsFor(workers, runs);
    // Worker threads start without the parent's TypeScript loader: worker-entry.mjs registers tsx.
    this.pool = new Piscina({ filename: new URL('./worker-entry.mjs', import.meta.url).href, minThreads: size, maxThreads: size, idleTimeout: Infinity });
  }

  /** The job's report; or its run's own error. */
  run(job: RunJob): Promise<Report> {
    if (this.closed) return Promise.reject(new Error(CLOSED));
    return this.pool.run(job).catch((error: unknown) => {
      throw this.closed ? new Error(CLOSED) : error;
    });
  }

  /** Stops the workers; jobs not yet answered are refused. */
  async close(): Promise<void> {
    this.closed = true;
    await this.pool.destroy();
  }
}
