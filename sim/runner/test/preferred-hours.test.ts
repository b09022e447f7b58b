import { describe, expect, it } from 'vitest';
import { scenarioByName } from '../../../scenarios';
import type { Scenario } from '../../../scenarios';
import { runScenario } from '..';

const only = (hour: number) => Array.from({ length: 24 }, (_, h) => (h === hour ? 1 : 0));

/** Everyone first comes at 9:00; when they come back another day, it is at `back` o'clock. */
function comingBackAt(back: number): Scenario {
  const base = scenarioByName('default');
  const profile = { weight: 1, hours: only(back) };
  return {
    ...base,
    arrivals: { ...base.arrivals, hourOfDay: only(9) },
    population: { ...base.population, persona: { hourProfiles: { evening: profile, office: profile, lunchAndAfterSchool: profile } } },
  };
}

/** Requests in each Beijing hour of the day, summed over the run. */
function requestsByHour(timeseries: { hour: string; requests: number }[]): number[] {
  const byHour = new Array<number>(24).fill(0);
  for (const row of timeseries) byHour[Number(row.hour.slice(11, 13))]! += row.requests;
  return byHour;
}

describe('applicants come back at the hours they prefer', () => {
  it('returns of later days (quota spent, status checks) land in the preferred hour, first visits on the arrival curve', async () => {
    const evening = requestsByHour((await runScenario(comingBackAt(20), { seed: 4, applicants: 150 })).report.timeseries);
    const afternoon = requestsByHour((await runScenario(comingBackAt(15), { seed: 4, applicants: 150 })).report.timeseries);
    // First visits start at 9 either way; returns follow the persona.
    expect(evening[9]).toBeGreaterThan(0);
    expect(afternoon[9]).toBeGreaterThan(0);
    expect(evening[20]).toBeGreaterThan(10 * Math.max(1, evening[15]!));
    expect(afternoon[15]).toBeGreaterThan(10 * Math.max(1, afternoon[20]!));
  }, 120_000);
});
