import { describe, expect, it } from 'vitest';
import { compareRules, replicationSeeds } from '..';
import { renderComparison, renderComparisonHtml } from '../../../reports/compare';
import type { RulesOverride } from '../../../rules';
import { scenarioByName } from '../../../scenarios';

const byName = (c: Awaited<ReturnType<typeof compareRules>>) => Object.fromEntries(c.differences.map((d) => [d.metric, d]));

describe('comparing rule sets on the same applicants', () => {
  it('finds no significant difference between a rule set and itself', async () => {
    const same = { codes: { smsPerPhonePerDay: 3 } };
    const c = await compareRules({ scenario: scenarioByName('default'), rules: [same, same], replications: 3, seed: 11, applicants: 80, workers: 2 });
    expect(c.differences.filter((d) => d.significantAfterHolm)).toEqual([]);
    expect(c.differences.every((d) => d.diff === 0)).toBe(true); // common random numbers: the very same runs
  }, 120_000);

  it('shows the expected direction for a real change: one real-name attempt a day means more quota denials', async () => {
    const c = await compareRules({
      scenario: scenarioByName('stale-registry'), rules: [undefined, { realName: { attemptsPerDay: 1 } }], replications: 6, seed: 5, applicants: 150, workers: 2,
    });
    const denials = byName(c)['quotaDenials.realName']!;
    expect(denials.b).toBeGreaterThan(denials.a);
    expect(denials.significantAfterHolm).toBe(true);
    const html = renderComparisonHtml(c, ['defaults', 'one attempt']);
    expect(html).toContain('<tr class="significant"><td><code>quotaDenials.realName</code>');
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(c.rulesHash[0]).not.toBe(c.rulesHash[1]);
  }, 120_000);

  it('writes the same bytes on the same seed, whatever the number of workers', async () => {
    const options = { scenario: scenarioByName('default'), rules: [undefined, { codes: { smsPerPhonePerDay: 5 } }] as [undefined, RulesOverride], replications: 3, seed: 21, applicants: 40, design: 'independent' as const };
    const outputs = async (workers: number) => {
      const c = await compareRules({ ...options, workers });
      return [JSON.stringify(c), renderComparison(c, ['A', 'B']), renderComparisonHtml(c, ['A', 'B'])];
    };
    const [one, two] = [await outputs(1), await outputs(2)];
    expect(two).toEqual(one);
    expect(JSON.parse(one[0]!).seeds).toEqual(replicationSeeds('independent', 21, 3));
  }, 120_000);
});

describe('the seeds each side runs on', () => {
  it('are seed + i on both sides with common random numbers', () => {
    expect(replicationSeeds('common-random-numbers', 7, 3)).toEqual([[7, 8, 9], [7, 8, 9]]);
  });

  it('are distinct within and across sides and across nearby seeds when independent', () => {
    const seeds = [1, 2, 3].flatMap((seed) => replicationSeeds('independent', seed, 10).flat());
    expect(new Set(seeds).size).toBe(seeds.length);
    expect(replicationSeeds('independent', 1, 10)).toEqual(replicationSeeds('independent', 1, 10));
  });
});
