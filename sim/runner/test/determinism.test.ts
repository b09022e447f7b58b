import { describe, expect, it } from 'vitest';
import { scenarioByName } from '../../../scenarios';
import { runScenario } from '..';

const scenario = scenarioByName('default');
const json = async (options: Parameters<typeof runScenario>[1]) => JSON.stringify((await runScenario(scenario, options)).report);

describe('a run is a function of scenario, seed and rules', () => {
  it('gives byte-identical report.json for the same seed, and another for another seed', async () => {
    const first = await json({ seed: 7, applicants: 150 });
    const second = await json({ seed: 7, applicants: 150 });
    expect(second).toBe(first);
    const other = await json({ seed: 8, applicants: 150 });
    expect(other).not.toBe(first);
    const report = JSON.parse(first);
    expect(report.funnel.arrived).toBeGreaterThan(100);
    expect(report.funnel.submitted).toBeGreaterThan(0);
  }, 120_000);

  it('carries the rules in its hash, and a rule change changes the report', async () => {
    const base = JSON.parse(await json({ seed: 7, applicants: 150 }));
    const changed = JSON.parse(await json({ seed: 7, applicants: 150, rules: { codes: { smsPerPhonePerDay: 5 } } }));
    expect(changed.rulesHash).not.toBe(base.rulesHash);
    // Common random numbers: the same applicants arrive at the same moments under both rule sets.
    expect(changed.funnel.arrived).toBe(base.funnel.arrived);
    expect(changed.timeseries.map((h: { arrivals: number }) => h.arrivals)).toEqual(base.timeseries.map((h: { arrivals: number }) => h.arrivals));
  }, 120_000);
});
