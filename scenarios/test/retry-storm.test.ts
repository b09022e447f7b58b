import { describe, expect, it } from 'vitest';
import { scenarioByName } from '..';
import { runScenario, type Report } from '../../sim/runner';

const storm = scenarioByName('retry-storm');
/** The same rush with nobody pressing again: they leave a failed page and come back later. */
const calm = { ...storm, population: { ...storm.population, persona: { pressAgain: 0 } } };

const portalGiveUps = (r: Report, reason: string) => Object.values(r.abandoned.byStep).reduce((n, reasons) => n + (reasons[reason] ?? 0), 0);

describe('retry-storm', () => {
  it('retries keep the load up after the rush, and turn a busy server into an overloaded one', async () => {
    const pressing = (await runScenario(storm)).report;
    const leaving = (await runScenario(calm)).report;
    // The first hour after the rush when arrivals have fallen to a third of their peak: pressing
    // again, a quarter or more of the load is still retries; leaving instead, next to none.
    const fallen = (r: Report) => {
      const peak = Math.max(...r.timeseries.map((h) => h.arrivals));
      return r.timeseries.slice(r.timeseries.findIndex((h) => h.arrivals === peak)).find((h) => h.arrivals < peak / 3)!;
    };
    const afterRush = fallen(pressing);
    expect(afterRush.retries / afterRush.requests).toBeGreaterThan(0.25);
    const calmAfterRush = fallen(leaving);
    expect(calmAfterRush.hour).toBe(afterRush.hour);
    expect(calmAfterRush.retries / calmAfterRush.requests).toBeLessThan(0.05);
    // The server refuses and times out only because people press again.
    expect(pressing.servers.refused + pressing.servers.timeouts).toBeGreaterThan(0);
    expect(leaving.servers.refused + leaving.servers.timeouts).toBeLessThan(pressing.servers.refused + pressing.servers.timeouts);
    expect(portalGiveUps(pressing, 'portal-too-slow')).toBeGreaterThan(portalGiveUps(leaving, 'portal-too-slow'));
    expect(portalGiveUps(pressing, 'portal-unavailable')).toBeGreaterThan(portalGiveUps(leaving, 'portal-unavailable'));
  }, 180_000);
});
