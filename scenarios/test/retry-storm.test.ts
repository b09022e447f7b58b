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
    const hours = pressing.timeseries;
    const peakArrivals = Math.max(...hours.map((h) => h.arrivals));
    const peakHour = hours.findIndex((h) => h.arrivals === peakArrivals);
    // After the arrivals have fallen to a third of their peak, retries are still most of the load.
    const afterTheRush = hours.slice(peakHour).filter((h) => h.arrivals > 0 && h.arrivals < peakArrivals / 3);
    expect(afterTheRush.some((h) => h.retries > h.requests - h.retries)).toBe(true);
    // The server refuses and times out only because people press again.
    expect(pressing.servers.refused + pressing.servers.timeouts).toBeGreaterThan(0);
    expect(leaving.servers.refused + leaving.servers.timeouts).toBeLessThan(pressing.servers.refused + pressing.servers.timeouts);
    expect(portalGiveUps(pressing, 'portal-too-slow')).toBeGreaterThan(portalGiveUps(leaving, 'portal-too-slow'));
    expect(portalGiveUps(pressing, 'portal-unavailable')).toBeGreaterThan(portalGiveUps(leaving, 'portal-unavailable'));
  }, 180_000);
});
