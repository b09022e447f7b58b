import { describe, expect, it } from 'vitest';
import { compareRules, replicationSeeds } from '..';
import { renderComparisonHtml } from '../../../reports/compare';
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

  it('runs an A/A comparison on independent streams: B on seeds of its own, differences by chance only, the same bytes again', async () => {
    const options = { scenario: scenarioByName('default'), rules: [undefined, undefined] as [undefined, undefined], replications: 4, seed: 21, applicants: 80, workers: 2, design: 'independent' as const };
    const c = await compareRules(options);
    expect(c.seeds).toEqual(replicationSeeds('independent', 21, 4));
    expect(new Set(c.seeds.flat()).size).toBe(8);
    expect(c.differences.some((d) => d.diff !== 0)).toBe(true);
    expect(c.differences.filter((d) => d.significantAfterHolm).length).toBeLessThanOrEqual(1);
    expect(JSON.stringify(await compareRules({ ...options, workers: 1 }))).toBe(JSON.stringify(c));
  }, 120_000);
});
