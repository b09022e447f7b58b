import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RunPool } from '../sim/parallel';
import { planCapacity, RESOURCES, withCapacity } from '../sim/plan';
import { evaluate, renderPlan } from '../reports';
import { EXIT, UsageError } from './exit-codes';
import { checkedLine } from './thresholds';
import { chosenScenario, wholeNumber } from './options';

export interface PlanCliOptions { resource: string; faults?: string; target: string; replications: string; seed?: string; applicants?: string; min: string; max: string; workers?: string; out: string }

/** `jszg-sim plan <scenario> --resource R --target T`: the smallest capacity meeting T in ≥ 95% of replications. */
export async function plan(name: string, options: PlanCliOptions): Promise<void> {
  const scenario = await chosenScenario(name, options.faults);
  if (!RESOURCES[options.resource]) throw new UsageError(`--resource ${options.resource}: one of ${Object.keys(RESOURCES).join(', ')}`);
  const target = checkedLine(options.target);
  const replications = wholeNumber('--replications', options.replications, 1)!;
  const seed = wholeNumber('--seed', options.seed, 0) ?? scenario.seed;
  const applicants = wholeNumber('--applicants', options.applicants, 1);
  const min = wholeNumber('--min', options.min, 1)!;
  const max = wholeNumber('--max', options.max, min)!;
  // A capacity's replications are asked for at once; the pool runs them over its threads.
  const workers = wholeNumber('--workers', options.workers, 1);
  const pool = new RunPool(workers, replications, applicants ?? scenario.applicants);
  console.error(`  ${replications} replications of each capacity tried, ${RunPool.describe(pool.split)}`);
  // On a terminal, the replications done of the capacity being tried; a line per capacity when it is done.
  const tty = process.stderr.isTTY && !process.env.CI;
  const done = new Map<number, number>();
  const result = await planCapacity({
    target: target.line, replications, min, max,
    judge: (report) => evaluate(report, [target])[0]!,
    run: async (capacity, i) => {
      const report = await pool.run({ scenario: withCapacity(scenario, options.resource, capacity), seed: seed + i, applicants });
      done.set(capacity, (done.get(capacity) ?? 0) + 1);
      if (tty) process.stderr.write(`\r  ${options.resource} ${capacity}: ${done.get(capacity)}/${replications} replications`);
      return report;
    },
    onPoint: (p) => console.error(`${tty ? '\r' : ''}  ${options.resource} ${p.capacity}: target met in ${p.met}/${p.replications}, mean ${target.metric} ${Number(p.metric.toPrecision(4))}`),
  }).finally(() => pool.close());
  const page = renderPlan({
    scenario: scenario.name, resource: options.resource, describe: RESOURCES[options.resource]!.describe, metric: target.metric,
    replications, seed, min, max, result,
  });
  await mkdir(options.out, { recursive: true });
  await writeFile(join(options.out, 'plan.json'), `${JSON.stringify({ scenario: scenario.name, resource: options.resource, ...result }, null, 2)}\n`);
  await writeFile(join(options.out, 'plan.md'), page);
  console.log(page);
  if (result.capacity === null) {
    console.error(`jszg-sim: no ${options.resource} capacity from ${min} to ${max} meets ${target.line} (in ${result.share * 100}% of replications): raise --max`);
    process.exitCode = EXIT.failed;
  }
}
