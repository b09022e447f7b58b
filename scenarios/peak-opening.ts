import { defineScenario } from './defaults';

/**
 * Opening week in a large province (Henan): 200,000 teachers, half of them in the first
 * days; the opening day draws six times the usual load. Are 4 application servers enough?
 * With the defaults' service times (about 220 ms a request at the peak hour's mix), the opening
 * day's busiest hour keeps them about 80% busy: near the knee, where waits grow fast.
 */
export default defineScenario({
  name: 'peak-opening',
  description: 'A large province (Henan), 200,000 applicants, a six-fold opening-day spike over a 10-day window, on 4 application servers',
  descriptionZh: '一个大省（河南），200,000 名申请人，10 天网报首日六倍高峰，4 台应用服务器',
  applicants: 200_000,
  provinces: [{ code: '41', share: 1, window: { from: '2026-09-14', to: '2026-09-23' } }],
  arrivals: { openingSpike: { multiplier: 6, decayDays: 3 }, deadlineRush: { days: 2, multiplier: 1.5 } },
  followUpDays: 28, // confirmation and approval go on past the National Day holiday (1-7 October)
  backOffice: { reviewers: { count: 20 }, confirmation: { perPointPerDay: 8_000 }, approval: { perInstitutionPerDay: 50_000 } },
  capacity: { servers: { servers: 4 } },
});
