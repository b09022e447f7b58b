import type { PlanResult } from '../../sim/plan';

/** What plan.md says: the resource, the target, the answer, and the curve of capacities tried. */
export interface PlanPage {
  scenario: string;
  resource: string;
  /** The resource in words (RESOURCES[resource].describe). */
  describe: string;
  metric: string;
  replications: number;
  seed: number;
  min: number;
  max: number;
  result: PlanResult;
}

export function renderPlan(page: PlanPage): string {
  const { result, resource } = page;
  const value = (x: number) => Number(x.toPrecision(4));
  return [
    `# Capacity plan: ${page.scenario}`,
    '',
    `Resource: ${page.describe}. Target: \`${result.target}\` in at least ${result.share * 100}% of ${page.replications} replications (seeds ${page.seed}…${page.seed + page.replications - 1}).`,
    '',
    result.capacity === null ? `**No capacity from ${page.min} to ${page.max} meets the target.**` : `**Smallest capacity that meets it: ${result.capacity}.**`,
    '',
    `| ${resource} | mean ${page.metric} | replications meeting the target |`,
    '|---:|---:|---:|',
    ...result.curve.map((p) => `| ${p.capacity} | ${value(p.metric)} | ${p.met}/${p.replications} |`),
    '',
  ].join('\n');
}
