import type { RulesOverride } from '../../rules';
import type { Scenario } from '../../scenarios';
import { RunPool } from '../../sim/parallel';
import { differences, type Design, type Difference } from './metrics';

export interface CompareOptions {
  /** A named scenario or one of a file's (scenarios/loadScenario). */
  scenario: Scenario;
  rules: [RulesOverride | undefined, RulesOverride | undefined];
  replications: number;
  seed: number;
  applicants?: number;
  /**
   * `common-random-numbers` (default): replication i of both sides on seed + i, the same
   * applicants doing the same things. `independent`: B on seeds of its own (after A's), for
   * A/A checks of the false-positive rate.
   */
  design?: Design;
  /** Worker threads (default: the machine's cores, at most the number of runs). */
  workers?: number;
  onRun?: (done: number, total: number) => void;
}

export interface Comparison {
  scenario: string; seed: number; replications: number; design: Design;
  /** The first seed of each side. */
  seeds: [number, number];
  rulesHash: [string, string];
  /** Holm's family: the m metrics with a p-value, at α = 0.05. */
  holm: { m: number; alpha: number };
  differences: Difference[];
}

/**
 * Runs both rule sets over worker threads, on the same seeds (common random numbers) or on
 * independent ones, and reports every headline metric as a difference with its 95% interval,
 * p-value and Holm's verdict over the family.
 */
export async function compareRules(options: CompareOptions): Promise<Comparison> {
  const design = options.design ?? 'common-random-numbers';
  const seeds: [number, number] = [options.seed, design === 'independent' ? options.seed + options.replications : options.seed];
  // Side A's replications, then side B's.
  const jobs = [0, 1].flatMap((side) => Array.from({ length: options.replications }, (_, i) => ({ seed: seeds[side]! + i, rules: options.rules[side] })));
  const pool = new RunPool(options.workers, jobs.length);
  let done = 0;
  const reports = await Promise.all(jobs.map(async (job) => {
    const report = await pool.run({ scenario: options.scenario, seed: job.seed, applicants: options.applicants, rules: job.rules });
    options.onRun?.(++done, jobs.length);
    return report;
  })).finally(() => pool.close());
  const [a, b] = [reports.slice(0, options.replications), reports.slice(options.replications)];
  const found = differences(a, b, design);
  return {
    scenario: options.scenario.name, seed: options.seed, replications: options.replications, design, seeds,
    rulesHash: [a[0]!.rulesHash, b[0]!.rulesHash],
    holm: { m: found.filter((d) => d.p !== null).length, alpha: 0.05 }, differences: found,
  };
}
