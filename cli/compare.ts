import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadRulesOverride, type RulesOverride } from '../rules';
import { renderComparison, renderComparisonHtml } from '../reports';
import { RunPool } from '../sim/parallel';
import { compareRules } from '../sim/compare';
import { UsageError } from './exit-codes';
import { chosenScenario, wholeNumber } from './options';

export interface CompareCliOptions { rules: string[]; faults?: string; replications: string; seed?: string; applicants?: string; independent?: boolean; workers?: string; out: string }

const load = (file: string): Promise<RulesOverride | undefined> => (file === 'defaults' ? Promise.resolve(undefined) : loadRulesOverride(file));

/** `jszg-sim compare <scenario> --rules A --rules B`: both rule sets on the same applicants. */
export async function compare(name: string, options: CompareCliOptions): Promise<void> {
  if (options.rules.length !== 2) throw new UsageError('give --rules twice: A, then B (a file, or "defaults")');
  const scenario = await chosenScenario(name, options.faults);
  const replications = wholeNumber('--replications', options.replications, 1)!;
  const seed = wholeNumber('--seed', options.seed, 0) ?? scenario.seed;
  const applicants = wholeNumber('--applicants', options.applicants, 1);
  const workers = wholeNumber('--workers', options.workers, 1);
  const rules = [await load(options.rules[0]!), await load(options.rules[1]!)] as [RulesOverride | undefined, RulesOverride | undefined];
  const quiet = !process.stderr.isTTY || Boolean(process.env.CI);
  // The pool the first line describes is the one the runs go to.
  const pool = new RunPool(workers, 2 * replications, applicants ?? scenario.applicants);
  console.error(`${2 * replications} runs (${replications} of each rule set) ${RunPool.describe(pool.split)}`);
  const comparison = await compareRules({
    scenario, rules, replications, seed, applicants, pool, design: options.independent ? 'independent' : 'common-random-numbers',
    onRun: (done, total) => { if (!quiet) process.stderr.write(`\r${done}/${total} runs`); },
  }).finally(() => pool.close());
  if (!quiet) process.stderr.write('\n');
  const md = renderComparison(comparison, [options.rules[0]!, options.rules[1]!]);
  await mkdir(options.out, { recursive: true });
  await writeFile(join(options.out, 'compare.json'), `${JSON.stringify(comparison, null, 2)}\n`);
  await writeFile(join(options.out, 'compare.md'), md);
  await writeFile(join(options.out, 'compare.html'), renderComparisonHtml(comparison, [options.rules[0]!, options.rules[1]!]));
  console.log(md);
  console.log(`wrote compare.json, compare.md and compare.html to ${options.out}`);
}
