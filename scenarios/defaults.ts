import { deepMerge, type DeepPartial } from '../rules';
import type { Scenario } from '../sim/scenario';
import type { ScenarioInput } from './types';

/**
 * What a scenario gets unless it says otherwise. Reviewer and desk figures are §7 decisions (the
 * seeds give none). The application servers' figures are assumptions too, stated below: no seed
 * gives the portal's hardware or timings.
 */
export const SCENARIO_DEFAULTS: Omit<Scenario, 'name' | 'description' | 'provinces'> = {
  seed: 1,
  applicants: 5_000,
  followUpDays: 21,
  arrivals: {
    openingSpike: { multiplier: 4, decayDays: 2 },
    deadlineRush: { days: 3, multiplier: 2.5 },
  },
  population: { staleRate: 0.02, ctidFailRate: 0.3, verifiedAccounts: 0.5 },
  backOffice: {
    reviewers: { count: 4, hours: [9, 17], serviceMinutes: { kind: 'lognormal', median: 12, sigma: 0.5 }, approveRate: 0.85 },
    // A desk's day: confirmations per 确认点, decisions per registration body (three tiers: an application takes three).
    confirmation: { perPointPerDay: 400, passRate: 0.97, messageRate: 0.03 },
    approval: { perInstitutionPerDay: 3_000, revertRate: 0.01, outcomes: { 注册合格: 0.97, 暂缓注册: 0.025, 注册不合格: 0.005 } },
  },
  capacity: {
    servers: {
      servers: 16,
      // Server time of a request, database work included, on a portal of server-rendered pages
      // over one shared database (an assumption). Light reads and the captcha's check are cheap;
      // the heavy pages are the ones that write or build something: the form PDF, the photo's
      // checks, a submission, a sign-in (its password hash), and the searches (LIKE queries
      // over schools and institutions). Weighted by a peak hour's mix of calls, about 220 ms.
      serviceMs: {
        default: 60, solveCaptcha: 40, getRegistrationNotice: 80, getCaptcha: 120, getRegistration: 120,
        listMyCertificates: 150, verifyRealName: 200, searchRegistrationWindows: 200, searchInstitutions: 250,
        login: 300, registerAccount: 350, searchSchools: 350, uploadPhoto: 400, submitManualReview: 400,
        submitRegistration: 500, getApplicationForm: 900,
      },
      // The gateway's limit (nginx's proxy_read_timeout, 60 s by default; 30 s here): past it, a 504.
      timeoutMs: 30_000,
      // nginx's default listen backlog: past it, a 503 at once, in about one round trip.
      backlog: 511,
      refusedMs: 50,
    },
    smsGateway: { perHour: 3_600 },
    registry: { perHour: 36_000 },
  },
};

/** A scenario with every default filled in, at any depth (arrays replace). */
export function defineScenario(input: ScenarioInput): Scenario {
  return deepMerge<Scenario>(SCENARIO_DEFAULTS as DeepPartial<Scenario>, input as DeepPartial<Scenario>);
}
