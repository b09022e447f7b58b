import { defineScenario } from './defaults';

/**
 * The portal itself is down on the opening morning, 09:00-11:00, as the first wave arrives:
 * every applicant-facing operation answers 503. Applicants come back after a while (their
 * persona's comeBackAfterMinutes) and those whose patience runs out first give up, so the
 * report shows what two hours cost: `portal-unavailable` among the reasons, the funnel, the
 * afternoon's peak.
 */
export default defineScenario({
  name: 'portal-outage',
  description: 'Fujian opening day with the whole portal down 09:00-11:00; 5,000 applicants',
  descriptionZh: '福建开放首日，全站 09:00-11:00 不可用；5,000 名申请人',
  applicants: 5_000,
  provinces: [{ code: '35', share: 1, window: { from: '2026-09-11', to: '2026-09-24' } }],
  faults: { operations: { '*': { outage: { from: '2026-09-11T09:00:00+08:00', to: '2026-09-11T11:00:00+08:00' } } } },
  followUpDays: 21,
});
