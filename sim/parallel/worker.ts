/** A worker thread of a RunPool: runs the job it is given and answers with its report (or throws its error). */
import { runScenario, type Report } from '../runner';
import type { RunJob } from './pool';

export default async function run(job: RunJob): Promise<Report> {
  const { report } = await runScenario(job.scenario, { seed: job.seed, applicants: job.applicants, rules: job.rules });
  return report;
}
