import { describe, expect, it } from 'vitest';
import { scenarioByName } from '../../../scenarios';
import { runScenario } from '..';

const base = scenarioByName('default');
/** The same weeks with registration bodies sending a fifth of their decisions back for a change. */
const withReverts = (revertRate: number) => ({ ...base, backOffice: { ...base.backOffice, approval: { ...base.backOffice.approval, revertRate } } });

describe('registration bodies send applications back (revertToPending with a message)', () => {
  it('the applicant reads the message, modifies, is confirmed again and still approved, counted once in the funnel', async () => {
    const none = (await runScenario(withReverts(0), { seed: 7, applicants: 400 })).report;
    const some = (await runScenario(withReverts(0.2), { seed: 7, applicants: 400 })).report;
    expect(none.onSite.reverted).toBe(0);
    expect(some.onSite.reverted).toBeGreaterThan(10);
    // Those sent back modify their application and go through on-site confirmation again.
    expect(some.latency.updateRegistration!.count).toBeGreaterThan((none.latency.updateRegistration?.count ?? 0) + some.onSite.reverted / 2);
    expect(some.onSite.confirmed).toBeGreaterThan(none.onSite.confirmed);
    // Confirmed twice, an applicant is still one applicant of the funnel; most of them end approved.
    expect(some.funnel.confirmed).toBeLessThanOrEqual(some.funnel.submitted);
    expect(some.funnel.approved).toBeLessThanOrEqual(some.funnel.confirmed);
    expect(some.funnel.approved).toBeGreaterThan(some.funnel.submitted * 0.7);
  }, 120_000);
});
