import { defineScenario } from './defaults';

/**
 * One public-security record in ten is stale: resident-ID holders must open CTID, the rest
 * (and those CTID does not fix) go to manual review. How big is the surge, and do the
 * reviewers keep their 7 working days?
 */
export default defineScenario({
  name: 'stale-registry',
  description: 'Fujian, 10% stale public-security records: a CTID and manual-review surge; 10,000 applicants',
  descriptionZh: '福建，10% 公安库记录未更新：网证与人工审核激增；10,000 名申请人',
  applicants: 10_000,
  provinces: [{ code: '35', share: 1, window: { from: '2026-09-11', to: '2026-09-24' } }],
  population: { staleRate: 0.1, verifiedAccounts: 0.2 },
  followUpDays: 28,
});
