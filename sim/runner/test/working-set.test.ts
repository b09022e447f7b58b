import { describe, expect, it } from 'vitest';
import { scenarioByName } from '../../../scenarios';
import { runScenario, type RunProgress } from '..';

const scenario = scenarioByName('default');

/** A run of the default scenario, with the most applicants it ever had asleep at once. */
async function run(applicants: number, liveActorLimit?: number) {
  const seen: RunProgress[] = [];
  const { report } = await runScenario(scenario, { seed: 3, applicants, liveActorLimit, onProgress: (p) => seen.push(p) });
  return { report, seen, mostAsleep: Math.max(...seen.map((p) => p.asleep)) };
}

describe('memory follows the applicants doing something (#4: 3M in 8 GB)', () => {
  it('applicants waiting days for the back office keep no live actor, and all of them still finish', async () => {
    const { report, seen } = await run(2000, 0);
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

  it('sleeping changes nothing a run reports: everyone waiting asleep, only past a limit of live actors, or no one', async () => {
    const [all, past, none] = await Promise.all([run(1000, 0), run(1000, 40), run(1000)]);
    expect(all.mostAsleep).toBeGreaterThan(past.mostAsleep);
    expect(past.mostAsleep).toBeGreaterThan(0);
    expect(none.mostAsleep).toBe(0);
    expect(JSON.stringify(past.report)).toBe(JSON.stringify(all.report));
    expect(JSON.stringify(none.report)).toBe(JSON.stringify(all.report));
  }, 60_000);
});
