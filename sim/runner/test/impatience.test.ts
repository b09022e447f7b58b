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
    // Pages answer slower than most applicants wait (their patience: a median of 15 s); sign-ins
    // are the most frequent call, so their p95 is a steady figure.
    expect(slow.latency.login!.p95).toBeGreaterThan(15_000);
  }, 120_000);

  it('come back to a portal that was down after their comeBackAfterMinutes: soon, and they run out of patience during a long outage', async () => {
    // The whole portal down for the opening morning.
    const down = { ...base, faults: { operations: { '*': { outage: { from: '2026-09-11T00:00:00+08:00', to: '2026-09-11T12:00:00+08:00' } } } } };
    const comingBack = (minutes: number) => ({ ...down, population: { ...down.population, persona: { comeBackAfterMinutes: minutes } } });
    const unavailable = (byStep: Record<string, Record<string, number>>) =>
      Object.values(byStep).reduce((n, reasons) => n + (reasons['portal-unavailable'] ?? 0), 0);
    const soon = (await runScenario(comingBack(5), { seed: 5, applicants: 300 })).report;
    const afterIt = (await runScenario(comingBack(13 * 60), { seed: 5, applicants: 300 })).report;
    expect(unavailable(soon.abandoned.byStep)).toBeGreaterThan(0);
    expect(unavailable(afterIt.abandoned.byStep)).toBe(0);
    expect(afterIt.funnel.registered).toBeGreaterThan(soon.funnel.registered);
    // The report says what was injected, beside the other inputs.
    expect(soon.inputs.faults).toEqual(down.faults);
  }, 120_000);

  it('wait out an injected latency in virtual time: a slow sign-in is slow in the report and too slow for most', async () => {
    const slowSignIn = { ...base, faults: { operations: { login: { latency: 60_000 } } } };
    const calm = (await runScenario(base, { seed: 5, applicants: 120 })).report;
    const slow = (await runScenario(slowSignIn, { seed: 5, applicants: 120 })).report;
    expect(calm.inputs).not.toHaveProperty('faults');
    expect(calm.latency.login!.p50).toBeLessThan(60_000);
    expect(slow.latency.login!.p50).toBeGreaterThanOrEqual(60_000);
    expect(slowLeavers(calm.abandoned.byStep)).toBe(0);
    expect(slowLeavers(slow.abandoned.byStep)).toBeGreaterThan(0);
  }, 120_000);
});
