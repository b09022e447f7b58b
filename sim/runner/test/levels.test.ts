import { describe, expect, it } from 'vitest';
import { scenarioByName } from '../../../scenarios';
import { runScenario } from '..';

describe('levels in the report: applicants in progress', () => {
  it('hour by hour, no more than have arrived; the peak above every hour; the last hour ends with the unfinished', async () => {
    const { report } = await runScenario(scenarioByName('default'), { seed: 3, applicants: 400 });
    let arrived = 0;
    for (const h of report.timeseries) {
      arrived += h.arrivals;
      expect(h.active).toBeLessThanOrEqual(arrived);
    }
    expect(arrived).toBe(400);
    const busiest = Math.max(...report.timeseries.map((h) => h.active));
    expect(busiest).toBeGreaterThan(0);
    expect(report.peaks.inProgressPeak).toBeGreaterThanOrEqual(busiest);
    expect(report.peaks.inProgressPeak).toBeLessThanOrEqual(400);
    // At the portal at once: some, and never more than are in progress.
    expect(report.peaks.inSessionPeak).toBeGreaterThan(0);
    expect(report.peaks.inSessionPeak).toBeLessThanOrEqual(report.peaks.inProgressPeak);
    expect(report.timeseries.at(-1)!.active).toBe(report.outcomes['unfinished'] ?? 0);
  }, 60_000);
});
