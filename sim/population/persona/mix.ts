/**
 * How personas vary across the population: shares for yes/no traits, weights for choices
 * and distributions for per-applicant rates. A scenario overrides any entry (PersonaMix is
 * taken partially); a number where a Distribution is expected means "everyone the same".
 * The defaults are judgement calls for a planning tool, not measurements; each says why.
 */
import type { CodeChannel, Distribution, PhotoFault, ResetMethod } from '../../../machines';

export interface HourProfile {
  weight: number;
  /** 24 weights, hour 0-23 Beijing time. */
  hours: readonly number[];
}

export interface PersonaMix {
  /** Periodic registration is for in-post teachers, most of whom registered an account earlier. */
  hasAccount: number;
  /** Among those with an account: registered before 2019-03-01 (cannot reset; registers again). */
  accountBefore2019: number;
  /** Among those with an account: has forgotten the password. */
  forgotPassword: number;
  resetMethod: Readonly<Record<ResetMethod, number>>;
  /** Among those with an account: bound the WeChat service account (new accounts never have). */
  wechatBound: number;
  codeChannel: Readonly<Record<CodeChannel, number>>;
  typoRate: Distribution | number;
  wrongPasswordRate: Distribution | number;
  captchaMissRate: Distribution | number;
  photoCompliance: Distribution | number;
  /** What is wrong with a refused photo, weighted (the same for everyone). */
  photoFaults: Readonly<Record<PhotoFault, number>>;
  leaveWizardRate: Distribution | number;
  disagreeRate: Distribution | number;
  retries: Distribution | number;
  waitDays: Distribution | number;
  /** Looks at a pending manual review (every checkEveryDays) before giving up on it. */
  reviewChecks: Distribution | number;
  /** Looks at a pending application (confirmation, approval) before giving up on it. */
  statusChecks: Distribution | number;
  /** Seconds an applicant waits for a page before closing it (the portal did its part regardless). */
  answerSeconds: Distribution | number;
  /** The median of the applicant's think time (lognormal); its spread is thinkTimeSigma. */
  thinkTimeMedianSeconds: Distribution | number;
  thinkTimeSigma: number;
  /** The floor of think times and of the seconds before pressing again (> 0): see Persona.minThinkSeconds. */
  minThinkSeconds: number;
  checkEveryDays: Distribution | number;
  /** Minutes before coming back to a step the portal failed (down, or too slow to wait for). */
  comeBackAfterMinutes: Distribution | number;
  /** Presses again on a page that failed before leaving it, and the seconds before each press. */
  pressAgain: Distribution | number;
  pressAgainSeconds: Distribution | number;
  hourProfiles: Readonly<Record<string, HourProfile>>;
}

const uniform = (min: number, max: number): Distribution => ({ kind: 'uniform', min, max });
const integers = (from: number, to: number, weights?: number[]): Distribution =>
  ({ kind: 'empirical', values: Array.from({ length: to - from + 1 }, (_, i) => from + i), ...(weights ? { weights } : {}) });

/**
 * When teachers go online: they teach during the day, so after lessons and in the evening
 * for most, office hours for those with free periods, lunch breaks for some.
 */
export const HOUR_PROFILES: Readonly<Record<string, HourProfile>> = {
  evening: { weight: 45, hours: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 2, 4, 5, 5, 3, 1] },
  office: { weight: 35, hours: [0, 0, 0, 0, 0, 0, 0, 0, 2, 4, 5, 4, 1, 1, 4, 5, 4, 2, 0, 0, 1, 1, 0, 0] },
  lunchAndAfterSchool: { weight: 20, hours: [0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 5, 4, 0, 0, 3, 5, 4, 2, 1, 1, 0, 0] },
};

export const DEFAULT_PERSONA_MIX: PersonaMix = {
  hasAccount: 0.9,
  accountBefore2019: 0.25,
  forgotPassword: 0.1,
  // SMS is what most people reach for; email links get lost; WeChat needs an earlier binding.
  resetMethod: { sms: 0.6, email: 0.25, wechat: 0.15 },
  wechatBound: 0.3,
  codeChannel: { sms: 0.85, wechat: 0.15 },
  typoRate: uniform(0.05, 0.15),
  wrongPasswordRate: uniform(0.05, 0.1),
  captchaMissRate: uniform(0.1, 0.2),
  photoCompliance: uniform(0.7, 0.9),
  // An assumption from what photo rules trip people up on: a phone's photo is too large in bytes
  // most often, a crop is off by a few pixels next, a scan or screenshot is not a JPEG now and then.
  photoFaults: { tooLarge: 0.35, tooSmall: 0.1, tooWide: 0.15, tooNarrow: 0.1, tooTall: 0.15, notJpeg: 0.15 },
  leaveWizardRate: { kind: 'truncatedNormal', mean: 0.05, sd: 0.02, min: 0, max: 0.15 },
  disagreeRate: { kind: 'truncatedNormal', mean: 0.01, sd: 0.005, min: 0, max: 0.03 },
  retries: integers(2, 5, [2, 3, 3, 2]),
  waitDays: integers(1, 7),
  // A review decision is promised within 7 working days (004), about 10 calendar days: with
  // a look every 2-7 days, most look often enough to see it, a few give up first.
  reviewChecks: integers(2, 6, [1, 3, 3, 2, 1]),
  // Registration is a condition of the job: applicants wait out confirmation and approval
  // (weeks, SPEC §8 Fujian 2024) and rarely give up.
  statusChecks: integers(8, 20),
  // No seed speaks of it: an assumption from web usability, where most people leave a page
  // that has not answered within 10-30 seconds.
  answerSeconds: { kind: 'lognormal', median: 15, sigma: 0.5 },
  thinkTimeMedianSeconds: uniform(30, 60),
  thinkTimeSigma: 0.8,
  // An assumption: reading a page and pressing a button take a second at least.
  minThinkSeconds: 1,
  checkEveryDays: integers(2, 7),
  // No seed speaks of it either: an assumption that an applicant the portal failed tries again
  // within the hour, as most do with a site that is down.
  comeBackAfterMinutes: 30,
  // An assumption too, from how people meet an error page or a spinner: most press again
  // (F5, the button) once or twice, at once or after a few seconds, before leaving the site.
  pressAgain: integers(0, 3, [1, 3, 3, 1]),
  pressAgainSeconds: uniform(1, 10),
  hourProfiles: HOUR_PROFILES,
};
