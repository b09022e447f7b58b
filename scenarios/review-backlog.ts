import { defineScenario } from './defaults';

/**
 * Too few reviewers: one reviewer for a province where a quarter of the records are stale.
 * The backlog grows, decisions slip past 7 working days, applicants give up waiting.
 */
export default defineScenario({
  name: 'review-backlog',
  description: 'Fujian with a single manual reviewer and 25% stale records: the backlog and the SLA breaches; 8,000 applicants',
  applicants: 8_000,
  provinces: [{ code: '35', share: 1, window: { from: '2026-09-11', to: '2026-09-24' } }],
  population: { staleRate: 0.25, verifiedAccounts: 0.2 },
  backOffice: {
    reviewers: { count: 1, hours: [9, 17], serviceMinutes: { kind: 'lognormal', median: 15, sigma: 0.5 }, approveRate: 0.85 },
    confirmation: { perPointPerDay: 150, passRate: 0.97, messageRate: 0.03 },
    approval: { perInstitutionPerDay: 1_000, outcomes: { 注册合格: 0.97, 暂缓注册: 0.025, 注册不合格: 0.005 } },
  },
  followUpDays: 35,
});
