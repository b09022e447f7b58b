import { describe, expect, it } from 'vitest';
import { scenarioByName } from '../../../scenarios';
import { runScenario } from '..';

const base = scenarioByName('default');
/** The same week with one application server, each call taking 8 s on average: an overloaded portal. */
const overloaded = { ...base, capacity: { ...base.capacity, servers: { servers: 1, serviceMs: { default: 8_000 }, timeoutMs: 120_000 } } };

const slowLeavers = (byStep: Record<string, Record<string, number>>) =>
  Object.values(byStep).reduce((n, reasons) => n + (reasons['portal-too-slow'] ?? 0), 0);

describe('applicants react to a slow portal', () => {
  it('close pages that answer too slowly, come back later, and some give up: the funnel shows the overload', async () => {
    const calm = (await runScenario(base, { seed: 5, applicants: 120 })).report;
    const slow = (await runScenario(overloaded, { seed: 5, applicants: 120 })).report;
    // Answers within a minute or two are not timeouts: only the applicants' patience makes them leave.
    expect(slow.servers.timeouts).toBe(0);
    expect(slowLeavers(calm.abandoned.byStep)).toBe(0);
    expect(slowLeavers(slow.abandoned.byStep)).toBeGreaterThan(0);
    expect(slow.funnel.submitted).toBeLessThan(calm.funnel.submitted);
    // Pages answer slower than most applicants wait (their patience: a median of 15 s).
    expect(slow.latency.requestSmsCode!.p95).toBeGreaterThan(15_000);
  }, 120_000);
});
