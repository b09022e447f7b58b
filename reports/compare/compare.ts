import type { RulesOverride } from '../../rules';
import type { Scenario } from '../../scenarios';
import { RunPool } from '../../sim/parallel';
import { differences, type Difference } from './metrics';

export interface CompareOptions {
  /** A named scenario or one of a file's (scenarios/loadScenario). */
  scenario: Scenario;
  rules: [RulesOverride | undefined, RulesOverride | undefined];
  replications: number;
  seed: number;
  applicants?: number;
  /** Worker threads (default: the machine's cores, at most the number of runs). */
  workers?: number;
  onRun?: (done: number, total: number) => void;
}

export interface Comparison { scenario: string; seed: number; replications: number; rulesHash: [string, string]; differences: Difference[] }

/**
 * Runs both rule sets on the same seeds (common random numbers) over worker threads and
 * reports every headline metric as a paired difference with its 95% interval.
 */
export async function compareRules(options: CompareOptions): Promise<Comparison> {
  // Side A's replications, then side B's.
  const jobs = [0, 1].flatMap((side) => Array.from({ length: options.replications }, (_, i) => ({ seed: options.seed + i, rules: options.rules[side] })));
  const pool = new RunPool(options.workers, jobs.length);
  let done = 0;
  const reports = await Promise.all(jobs.map(async (job) => {
    const report = await pool.run({ scenario: options.scenario, seed: job.seed, applicants: options.applicants, rules: job.rules });
    options.onRun?.(++done, jobs.length);
    return report;
  })).finally(() => pool.close());
  const [a, b] = [reports.slice(0, options.replications), reports.slice(options.replications)];
  return {
    scenario: options.scenario.name, seed: options.seed, replications: options.replications,
    rulesHash: [a[0]!.rulesHash, b[0]!.rulesHash], differences: differences(a, b),
  };
}
