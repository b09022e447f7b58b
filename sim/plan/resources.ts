import type { Scenario } from '../scenario';
import { deepMerge, type DeepPartial } from '../../rules';

/** The capacities a plan can size, and where each sits in a scenario. */
export const RESOURCES: Record<string, { describe: string; set: (capacity: number) => DeepPartial<Scenario> }> = {
  reviewers: { describe: 'manual reviewers (人工审核)', set: (c) => ({ backOffice: { reviewers: { count: c } } }) },
  servers: { describe: 'application servers', set: (c) => ({ capacity: { servers: { servers: c } } }) },
  confirmation: { describe: 'on-site confirmations per 确认点 per day', set: (c) => ({ backOffice: { confirmation: { perPointPerDay: c } } }) },
  smsGateway: { describe: 'SMS gateway messages per hour', set: (c) => ({ capacity: { smsGateway: { perHour: c } } }) },
  registry: { describe: 'public-security registry checks per hour', set: (c) => ({ capacity: { registry: { perHour: c } } }) },
};

export function withCapacity(scenario: Scenario, resource: string, capacity: number): Scenario {
  const entry = RESOURCES[resource];
  if (!entry) throw new Error(`unknown resource "${resource}": one of ${Object.keys(RESOURCES).join(', ')}`);
  return deepMerge<Scenario>(scenario as DeepPartial<Scenario>, entry.set(capacity));
}
