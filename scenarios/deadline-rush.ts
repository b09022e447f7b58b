import { defineScenario } from './defaults';

/**
 * The last days of Guangdong's window: procrastinators arrive in a rush four times the
 * usual rate over the final three days, with little room left to recover from a slip.
 */
export default defineScenario({
  name: 'deadline-rush',
  description: 'Guangdong, a 14-day window whose last 3 days draw four times the usual load; 30,000 applicants',
  descriptionZh: '广东，14 天网报，最后 3 天负载为平日四倍；30,000 名申请人',
  applicants: 30_000,
  provinces: [{ code: '44', share: 1, window: { from: '2026-10-19', to: '2026-11-01' } }],
  arrivals: { openingSpike: { multiplier: 1.5, decayDays: 1 }, deadlineRush: { days: 3, multiplier: 4 } },
  followUpDays: 14,
  backOffice: { reviewers: { count: 6 }, confirmation: { perPointPerDay: 2_500 }, approval: { perInstitutionPerDay: 15_000 } },
});
