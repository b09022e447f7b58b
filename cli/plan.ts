import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { scenarioByName } from '../scenarios';
import { runScenario } from '../sim/runner';
import { parseThreshold, planCapacity, RESOURCES, withCapacity } from '../reports';

export interface PlanCliOptions { resource: string; target: string; replications: string; seed?: string; applicants?: string; max: string; out: string }

/** `jszg-sim plan <scenario> --resource R --target T`: the smallest capacity meeting T in ≥ 95% of replications. */
export async function plan(name: string, options: PlanCliOptions): Promise<void> {
  const scenario = scenarioByName(name);
  if (!RESOURCES[options.resource]) throw new Error(`--resource ${options.resource}: one of ${Object.keys(RESOURCES).join(', ')}`);
  const target = parseThreshold(options.target);
  const replications = Number(options.replications);
  const seed = options.seed === undefined ? scenario.seed : Number(options.seed);
  const applicants = options.applicants === undefined ? undefined : Number(options.applicants);
  const result = await planCapacity({
    target, replications, max: Number(options.max),
    run: async (capacity, i) => (await runScenario(withCapacity(scenario, options.resource, capacity), { seed: seed + i, applicants })).report,
    onPoint: (p) => console.error(`  ${options.resource} ${p.capacity}: target met in ${p.met}/${p.replications}, mean ${target.metric} ${Number(p.metric.toPrecision(4))}`),
  });
  const lines = [
    `# Capacity plan: ${scenario.name}`,
    '',
    `Resource: ${RESOURCES[options.resource]!.describe}. Target: \`${target.line}\` in at least ${result.share * 100}% of ${replications} replications (seeds ${seed}…${seed + replications - 1}).`,
    '',
    result.capacity === null ? `**No capacity up to ${options.max} meets the target.**` : `**Smallest capacity that meets it: ${result.capacity}.**`,
    '',
    `| ${options.resource} | mean ${target.metric} | replications meeting the target |`,
    '|---:|---:|---:|',
    ...result.curve.map((p) => `| ${p.capacity} | ${Number(p.metric.toPrecision(4))} | ${p.met}/${p.replications} |`),
    '',
  ];
  await mkdir(options.out, { recursive: true });
  await writeFile(join(options.out, 'plan.json'), `${JSON.stringify({ scenario: scenario.name, resource: options.resource, ...result }, null, 2)}\n`);
  await writeFile(join(options.out, 'plan.md'), lines.join('\n'));
  console.log(lines.join('\n'));
}
