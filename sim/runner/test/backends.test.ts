import { describe, expect, it } from 'vitest';
import { scenarioByName } from '../../../scenarios';
import type { Scenario } from '../../../scenarios';
import { runScenario } from '..';

const base = scenarioByName('default');
const withBackends = (sms: number, registry: number): Scenario =>
  ({ ...base, capacity: { ...base.capacity, smsGateway: { perHour: sms }, registry: { perHour: registry } } });

describe('the portal\'s backends have an hourly throughput', () => {
  it('past it, SMS codes and real-name checks are refused as when the backend is cut, and applicants come back later', async () => {
    const ample = (await runScenario(base, { seed: 6, applicants: 400 })).report;
    const scarce = (await runScenario(withBackends(2, 2), { seed: 6, applicants: 400 })).report;
    expect(ample.refusals['SMS_GATEWAY_UNAVAILABLE'] ?? 0).toBe(0);
    expect(ample.refusals['REGISTRY_UNAVAILABLE'] ?? 0).toBe(0);
    expect(scarce.refusals['SMS_GATEWAY_UNAVAILABLE']).toBeGreaterThan(0);
    expect(scarce.refusals['REGISTRY_UNAVAILABLE']).toBeGreaterThan(0);
    // No hour sends more codes than the gateway takes.
    expect(Math.max(...scarce.timeseries.map((h) => h.sms))).toBeLessThanOrEqual(2);
    expect(scarce.peaks.registryChecksPerHour).toBe(2);
    expect(ample.peaks.registryChecksPerHour).toBeGreaterThan(2);
    // Coming back in a later hour, most still get through.
    expect(scarce.funnel.verified).toBeGreaterThan(0.8 * ample.funnel.verified);
  }, 60_000);
});
