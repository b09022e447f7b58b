import { PROVINCES } from '../sim/population';
import { defineScenario } from './defaults';

/**
 * The whole second half of 2026: about 3 million periodic registrations in every province,
 * each province's window in its own weeks between September and November.
 */
const WINDOWS = [
  { from: '2026-09-07', to: '2026-09-30' }, { from: '2026-09-14', to: '2026-10-16' },
  { from: '2026-10-12', to: '2026-11-06' }, { from: '2026-10-26', to: '2026-11-20' },
];

export default defineScenario({
  name: 'national-season',
  description: 'Every province, about 3,000,000 applicants, provincial windows from September to November 2026',
  descriptionZh: '全国各省，约 3,000,000 名申请人，各省网报时间为 2026 年 9 月至 11 月',
  applicants: 3_000_000,
  provinces: PROVINCES.map((p, i) => ({ code: p.code, share: p.teachers, window: WINDOWS[i % WINDOWS.length]! })),
  followUpDays: 21,
  backOffice: { reviewers: { count: 60 }, confirmation: { perPointPerDay: 8_000 }, approval: { perInstitutionPerDay: 40_000 } },
  capacity: { servers: { servers: 48 } },
});
