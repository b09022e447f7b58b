/** A worker thread of a RunPool: runs the job it is given, on its shards, and answers with its report (or throws its error). */
import type { Report } from '../runner';
import { runOnCores } from '../shards';
import type { PooledJob } from './pool';

export default async function run(job: PooledJob): Promise<Report> {
  const { report } = await runOnCores(job.scenario, { seed: job.seed, applicants: job.applicants, rules: job.rules, workers: job.shards });
  return report;
}
