import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { RulesOverride } from '../../rules';
import type { Report } from '../../sim/runner';
import { differences, type Difference } from './metrics';

export interface CompareOptions {
  scenario: string;
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
  const jobs = Array.from({ length: options.replications }, (_, i) => [0, 1].map((side) => ({
    key: `${side}:${i}`, seed: options.seed + i, rules: options.rules[side],
  }))).flat();
  const workers = Math.max(1, Math.min(options.workers ?? availableParallelism(), jobs.length));
  const reports = new Map<string, Report>();
  await Promise.all(Array.from({ length: workers }, (_, w) => new Promise<void>((resolve, reject) => {
    const mine = jobs.filter((_, j) => j % workers === w);
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
      workerData: { scenario: options.scenario, applicants: options.applicants, jobs: mine },
    });
    worker.on('message', (m: { key: string; report: Report }) => {
      reports.set(m.key, m.report);
      options.onRun?.(reports.size, jobs.length);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`compare worker exited with ${code}`))));
  })));
  const side = (s: number) => Array.from({ length: options.replications }, (_, i) => reports.get(`${s}:${i}`)!);
  const [a, b] = [side(0), side(1)];
  return {
    scenario: options.scenario, seed: options.seed, replications: options.replications,
    rulesHash: [a[0]!.rulesHash, b[0]!.rulesHash], differences: differences(a, b),
  };
}
