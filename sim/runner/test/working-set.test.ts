import { describe, expect, it } from 'vitest';
import { scenarioByName } from '../../../scenarios';
import { runScenario, type RunProgress } from '..';

describe('memory follows the applicants doing something (#4: 3M in 8 GB)', () => {
  it('applicants waiting days for the back office keep no live actor, and all of them still finish', async () => {
    const seen: RunProgress[] = [];
    const { report } = await runScenario(scenarioByName('default'), { seed: 3, applicants: 2000, onProgress: (p) => seen.push(p) });
    const busiest = seen.reduce((a, b) => (b.active > a.active ? b : a));
    // At the busiest moment most applicants in progress wait for confirmation or approval: asleep.
    expect(busiest.active).toBeGreaterThan(20);
    expect(busiest.asleep).toBeGreaterThan(busiest.active / 2);
    expect(busiest.asleep).toBeLessThanOrEqual(busiest.active);
    // They wake: by the end the sleepers have all gone on to an outcome.
    const last = seen.at(-1)!;
    expect(last.asleep).toBe(last.active);
    expect(report.outcomes.unfinished ?? 0).toBe(last.active);
    expect(report.funnel.approved).toBeGreaterThan(report.funnel.submitted / 2);
  }, 60_000);
});
