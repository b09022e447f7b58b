import { defineScenario } from './defaults';

/**
 * Opening week in a large province (Henan): 200,000 teachers, half of them in the first
 * days; the opening day draws six times the usual load. Are 24 application servers enough?
 */
export default defineScenario({
  name: 'peak-opening',
  description: 'A large province (Henan), 200,000 applicants, a six-fold opening-day spike over a 10-day window',
  applicants: 200_000,
  provinces: [{ code: '41', share: 1, window: { from: '2026-09-14', to: '2026-09-23' } }],
  arrivals: { openingSpike: { multiplier: 6, decayDays: 3 }, deadlineRush: { days: 2, multiplier: 1.5 } },
  followUpDays: 14,
  backOffice: {
    reviewers: { count: 20, hours: [9, 17], serviceMinutes: { kind: 'lognormal', median: 12, sigma: 0.5 }, approveRate: 0.85 },
    confirmation: { perPointPerDay: 3_000, passRate: 0.97, messageRate: 0.03 },
    approval: { perInstitutionPerDay: 20_000, outcomes: { 注册合格: 0.97, 暂缓注册: 0.025, 注册不合格: 0.005 } },
  },
  capacity: { servers: { servers: 24, serviceMs: { default: 25, login: 60, registerAccount: 80, submitRegistration: 90, uploadPhoto: 70, submitManualReview: 70, getApplicationForm: 120 }, timeoutMs: 30_000 } },
});
