import { PROVINCES } from '../sim/population';
import { defineScenario } from './defaults';

const OPENING = ['41', '37', '44', '51'];

/**
 * Four large provinces open their windows on the same Monday morning on the one national portal:
 * 300,000 teachers in ten days, each province with its own opening-day spike, all on the same 4
 * application servers that peak-opening gives one province. The opening days offer more than the
 * servers can serve: the backlog fills, pages time out, people press again, and the retries keep
 * the load up after the arrivals ease. The question it asks: how many hours is the portal
 * overloaded, how many give up on it, and how many servers would have carried it?
 * Sizes: the provinces' shares are their teachers (sim/population/data/provinces.ts); the
 * total and the shared opening day are assumptions (provinces do stagger their windows, which is
 * what national-season shows).
 */
export default defineScenario({
  name: 'national-opening',
  description: 'Four large provinces (Henan, Shandong, Guangdong, Sichuan) open on the same morning: 300,000 applicants over 10 days on 4 application servers',
  descriptionZh: '四个大省（河南、山东、广东、四川）同日上午开放：10 天 300,000 名申请人，4 台应用服务器',
  applicants: 300_000,
  provinces: PROVINCES.filter((p) => OPENING.includes(p.code)).map((p) => ({ code: p.code, share: p.teachers, window: { from: '2026-09-14', to: '2026-09-23' } })),
  arrivals: { openingSpike: { multiplier: 6, decayDays: 3 }, deadlineRush: { days: 2, multiplier: 1.5 } },
  // The capacity question is the window's; confirmation and approval are followed a week.
  followUpDays: 7,
  backOffice: { reviewers: { count: 30 }, confirmation: { perPointPerDay: 8_000 }, approval: { perInstitutionPerDay: 50_000 } },
  capacity: { servers: { servers: 4 } },
});
