import { deepMerge, type DeepPartial } from '../rules';
import type { Scenario, ScenarioInput } from './types';

/**
 * What a scenario gets unless it says otherwise. Service times are the stub's order of
 * magnitude on a loaded server; reviewer and desk figures are §7 decisions (the seeds give none).
 */
export const SCENARIO_DEFAULTS: Omit<Scenario, 'name' | 'description' | 'provinces'> = {
  seed: 1,
  applicants: 5_000,
  followUpDays: 21,
  arrivals: {
    openingSpike: { multiplier: 4, decayDays: 2 },
    deadlineRush: { days: 3, multiplier: 2.5 },
  },
  population: { staleRate: 0.02, ctidFailRate: 0.3, verifiedAccounts: 0.5 },
  backOffice: {
    reviewers: { count: 4, hours: [9, 17], serviceMinutes: { kind: 'lognormal', median: 12, sigma: 0.5 }, approveRate: 0.85 },
    // A desk's day: confirmations per 确认点, decisions per registration body (three tiers: an application takes three).
    confirmation: { perPointPerDay: 400, passRate: 0.97, messageRate: 0.03 },
    approval: { perInstitutionPerDay: 3_000, revertRate: 0.01, outcomes: { 注册合格: 0.97, 暂缓注册: 0.025, 注册不合格: 0.005 } },
  },
  capacity: {
    servers: {
      servers: 16,
      serviceMs: { default: 25, login: 60, registerAccount: 80, submitRegistration: 90, uploadPhoto: 70, submitManualReview: 70, getApplicationForm: 120 },
      timeoutMs: 30_000,
    },
    smsGateway: { perHour: 3_600 },
    registry: { perHour: 36_000 },
  },
};

/** A scenario with every default filled in, at any depth (arrays replace). */
export function defineScenario(input: ScenarioInput): Scenario {
  return deepMerge<Scenario>(SCENARIO_DEFAULTS as DeepPartial<Scenario>, input as DeepPartial<Scenario>);
}
