/** A worker thread of `jszg-sim compare`: runs the replications it is given, answers with their reports. */
import { parentPort, workerData } from 'node:worker_threads';
import { scenarioByName } from '../../scenarios';
import { runScenario } from '../../sim/runner';
import type { RulesOverride } from '../../rules';

interface Job { scenario: string; applicants?: number; jobs: { key: string; seed: number; rules?: RulesOverride }[] }

const { scenario, applicants, jobs } = workerData as Job;
for (const job of jobs) {
  const { report } = await runScenario(scenarioByName(scenario), { seed: job.seed, applicants, rules: job.rules });
  parentPort!.postMessage({ key: job.key, report });
}
