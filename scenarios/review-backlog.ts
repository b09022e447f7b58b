import { defineScenario } from './defaults';

/**
 * Too few reviewers: one reviewer for a province where a quarter of the records are stale.
 * The backlog grows, decisions slip past 7 working days, applicants give up waiting.
 */
export default defineScenario({
  name: 'review-backlog',
  description: 'Fujian with a single manual reviewer and 25% stale records: the backlog and the SLA breaches; 8,000 applicants',
  descriptionZh: '福建仅 1 名人工审核员、25% 公安库记录未更新：积压与超时；8,000 名申请人',
  applicants: 8_000,
  provinces: [{ code: '35', share: 1, window: { from: '2026-09-11', to: '2026-09-24' } }],
  population: { staleRate: 0.25, verifiedAccounts: 0.2 },
  backOffice: { reviewers: { count: 1, serviceMinutes: { kind: 'lognormal', median: 15, sigma: 0.5 } } },
  followUpDays: 35,
});
