import { defineScenario } from './defaults';

/**
 * The SMS gateway is down for the first six hours of the opening day: new applicants cannot
 * get a registration code, password resets by SMS stall, and everyone comes back later at once.
 */
export default defineScenario({
  name: 'sms-gateway-outage',
  description: 'Fujian opening day with the SMS gateway down 09:00-15:00; 5,000 applicants, a third of them new accounts',
  descriptionZh: '福建开放首日短信网关 09:00-15:00 中断；5,000 名申请人，其中三分之一为新注册',
  applicants: 5_000,
  provinces: [{ code: '35', share: 1, window: { from: '2026-09-11', to: '2026-09-24' } }],
  population: { staleRate: 0.02, persona: { hasAccount: 0.67 } },
  faults: { smsGateway: { outage: { from: '2026-09-11T09:00:00+08:00', to: '2026-09-11T15:00:00+08:00' } } },
  followUpDays: 21,
});
