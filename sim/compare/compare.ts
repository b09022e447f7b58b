import type { RulesOverride } from '../../rules';
import type { Scenario } from '../scenario';
import { RunPool } from '../parallel';
import { differences, type Difference } from './metrics';
import { ALPHA } from './statistics';
import { replicationSeeds, type Design } from './seeds';

export interface CompareOptions {
  /** A named scenario or one of a file's (scenarios/loadScenario). */
  scenario: Scenario;
  rules: [RulesOverride | undefined, RulesOverride | undefined];
  replications: number;
  seed: number;
  applicants?: number;
  /** `common-random-numbers` (default) or `independent`, for A/A checks (see seeds.ts). */
  design?: Design;
  /** Cores (default: the machine's): a thread per run up to them, the rest shared among the runs as shards (RunPool.split). */
  workers?: number;
  /** A pool of one's own instead, shared by several comparisons (left open; `workers` is then unused). */
  pool?: RunPool;
  onRun?: (done: number, total: number) => void;
}

export interface Comparison {
  scenario: string; seed: number; replications: number; design: Design;
  /** The seeds A's and B's replications ran on. */
  seeds: [number[], number[]];
  rulesHash: [string, string];
  /** Holm's family: the m metrics with a p-value, at level alpha. */
  holm: { m: number; alpha: number };
  differences: Difference[];
}

/**
 * Runs both rule sets' replications over worker threads and reports every headline metric as
 * a difference with its 95% interval, p-value and Holm's verdict over the family. Each run's
 * report depends only on its seed and rules, so the result is the same whatever the workers.
 */
export async function compareRules(options: CompareOptions): Promise<Comparison> {
  const design = options.design ?? 'common-random-numbers';
  const seeds = replicationSeeds(design, options.seed, options.replications);
  const jobs = seeds.flatMap((side, s) => side.map((seed) => ({ scenario: options.scenario, seed, applicants: options.applicants, rules: options.rules[s] })));
  const pool = options.pool ?? new RunPool(options.workers, jobs.length, options.applicants ?? options.scenario.applicants);
  let done = 0;
  const reports = await Promise.all(jobs.map(async (job) => {
    const report = await pool.run(job);
    options.onRun?.(++done, jobs.length);
    return report;
  })).finally(() => options.pool ?? pool.close());
  const [a, b] = [reports.slice(0, options.replications), reports.slice(options.replications)];
  const found = differences(a, b, design);
  return {
    scenario: options.scenario.name, seed: options.seed, replications: options.replications, design, seeds,
    rulesHash: [a[0]!.rulesHash, b[0]!.rulesHash],
    holm: { m: found.filter((d) => d.p !== null).length, alpha: ALPHA }, differences: found,
  };
}
