import { defineScenario } from './defaults';

/**
 * Fujian's first two weeks of the 2026 window: about 5,000 teachers, a busy opening day
 * and the usual evening peaks. What `npm start` runs.
 */
export default defineScenario({
  name: 'default',
  description: 'One province (Fujian), two weeks of its window from 11 Sep 2026, about 5,000 applicants',
  descriptionZh: '一个省（福建），自 2026 年 9 月 11 日起两周网报，约 5,000 名申请人',
  applicants: 5_000,
  provinces: [{ code: '35', share: 1, window: { from: '2026-09-11', to: '2026-09-24' } }],
  followUpDays: 21,
  thresholds: [
    'funnel.approvedRate >= 0.85',
    'manualReview.slaBreaches == 0',
    'latency.submitRegistration.p95 <= 2000',
  ],
});
