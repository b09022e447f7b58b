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

    // The hourly series shows the queue: it drains only at a working day's 09:00 round.
    const queue = (r: typeof ample, hour: string) => r.timeseries.find((h) => h.hour === hour)!.confirmationBacklog;
    // A week into the window (Monday 21 September, after its round): ample has caught up, scarce has not.
    expect(queue(scarce, '2026-09-21T13:00+08:00')).toBeGreaterThan(10 * queue(ample, '2026-09-21T13:00+08:00'));
    // Monday 14 September 2026: the 08:00 hour still holds the weekend's applications, the 09:00 hour has handled them.
    expect(queue(ample, '2026-09-14T08:00+08:00')).toBeGreaterThan(0);
    expect(queue(ample, '2026-09-14T09:00+08:00')).toBeLessThan(queue(ample, '2026-09-14T08:00+08:00'));
    // The report's most waiting at once is the hourly series' highest.
    expect(scarce.onSite.mostWaiting.confirmation).toBe(Math.max(...scarce.timeseries.map((h) => h.confirmationBacklog)));
    expect(scarce.onSite.mostWaiting.confirmation).toBeGreaterThan(ample.onSite.mostWaiting.confirmation);
    // Approval follows confirmation: its queue is fed only once applications are confirmed.
    expect(Math.max(...ample.timeseries.map((h) => h.approvalBacklog))).toBeGreaterThan(0);
  }, 120_000);
});
