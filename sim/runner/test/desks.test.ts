import { describe, expect, it } from 'vitest';
import { scenarioByName } from '../../../scenarios';
import { runScenario } from '..';

const base = scenarioByName('default');
const withConfirmations = (perPointPerDay: number) =>
  ({ ...base, backOffice: { ...base.backOffice, confirmation: { ...base.backOffice.confirmation, perPointPerDay } } });

describe('on-site confirmation points work to a daily capacity', () => {
  it('too few confirmations a day: applications wait working days at the 确认点, fewer are approved in the run', async () => {
    const ample = (await runScenario(withConfirmations(400), { seed: 4, applicants: 600 })).report;
    const scarce = (await runScenario(withConfirmations(5), { seed: 4, applicants: 600 })).report;
    // Ample: confirmed at the next working day's opening.
    expect(ample.onSite.waitWorkingDays.confirmation.p95).toBeLessThanOrEqual(1);
    // Five a day at the busiest point (小学, 42% of 600): weeks of queue.
    expect(scarce.onSite.waitWorkingDays.confirmation.p95).toBeGreaterThan(10);
    expect(scarce.onSite.waitWorkingDays.confirmation.max).toBeGreaterThan(scarce.onSite.waitWorkingDays.confirmation.p50);
    expect(scarce.funnel.approved).toBeLessThan(ample.funnel.approved);
  }, 120_000);
});
