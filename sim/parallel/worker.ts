/** A worker thread of a RunPool: runs each job it is given, answers with its report or its error. */
import { parentPort } from 'node:worker_threads';
import { runScenario } from '../runner';
import type { RunAnswer, RunJob } from './pool';

parentPort!.on('message', async ({ id, job }: { id: number; job: RunJob }) => {
  let answer: RunAnswer;
  try {
    const { report } = await runScenario(job.scenario, { seed: job.seed, applicants: job.applicants, rules: job.rules });
    answer = { id, report };
  } catch (error) {
    answer = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(answer);
});
