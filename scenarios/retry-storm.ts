import { defineScenario } from './defaults';

/**
 * A small province (Ningxia) opens with a sharp rush on a single application server: built to
 * show a retry storm. The rush offers more than the server can serve; pages time out (504) or
 * are refused (503), people press again a few seconds later, and every press is new load. The
 * server's time goes to requests whose applicants have already given up on them, so the load
 * stays high after the arrivals fall: a metastable overload. Small enough to run in well under a
 * minute;
 * every number is an assumption chosen to show the effect.
 */
export default defineScenario({
  name: 'retry-storm',
  description: 'A small province opens with a six-fold rush on 1 application server: 20,000 applicants over 3 days, retries keeping the server saturated',
  descriptionZh: '一个小省开放首日六倍涌入、仅 1 台应用服务器：3 天 20,000 名申请人，重试使服务器持续饱和',
  applicants: 20_000,
  provinces: [{ code: '64', share: 1, window: { from: '2026-09-14', to: '2026-09-16' } }],
  arrivals: { openingSpike: { multiplier: 6, decayDays: 1 } },
  followUpDays: 2,
  capacity: { servers: { servers: 1 } },
});
