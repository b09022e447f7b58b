import { z } from 'zod';
import { count, group, isoDate, monthDay, openRange, positive, rule } from './define';
import { HOLIDAYS } from './holidays';

/**
 * Every number of the portal, with the seed it comes from (SPEC.md names the seeds:
 * 001 account manual, 002/003 periodic-registration manual, 004 real-name walkthrough).
 * Sizes are bytes (1 KB = 1024 bytes), durations are named in their unit.
 */

const ID_TYPES = ['resident-id', 'hk-macau-permit', 'taiwan-permit', 'residence-permit'] as const;
export const idTypeSchema = z.enum(ID_TYPES);
export type IdType = z.infer<typeof idTypeSchema>;

const photoRule = (bytes: { above: number; below: number }, width: { above: number; below: number }, height: { above: number; below: number }, source: string) =>
  group({
    bytes: rule(openRange(), bytes, source),
    widthPx: rule(openRange(), width, source),
    heightPx: rule(openRange(), height, source),
  }, source);

export const rulesSchema = group({
  time: group({
    utcOffsetMinutes: rule(z.number().int().min(-720).max(840), 480, '§7 decision: "per day" is the Beijing calendar day (UTC+8)'),
  }),

  identity: group({
    hkMacauPermit: group({
      prefixes: rule(z.array(z.string().length(1)).min(1), ['H', 'M'], '001 §2.1: 港澳居民来往内地通行证, H or M + 8 digits'),
      digits: rule(positive(), 8, '001 §2.1'),
      renewalDigits: rule(count(), 2, '001 §2.1: the 2-digit renewal count is not entered (accepted and ignored)'),
    }),
    taiwanPermitDigits: rule(positive(), 8, '001 §2.1: 五年有效期台湾居民来往大陆通行证, 8 digits'),
    residencePermitAreaCodes: rule(z.array(z.string().regex(/^\d{6}$/)).min(1), ['810000', '820000', '830000'], '001 §2.1: 港澳台居民居住证 area codes'),
    nameMaxLength: rule(positive(), 50, '§7 decision: the seeds give no limit; 50 covers long minority and foreign names'),
  }),

  account: group({
    password: group({
      minLength: rule(positive(), 8, '001 §2.1: at least 8 characters'),
      maxLength: rule(positive(), 20, '§7 decision: the seeds give no maximum'),
      specialCharacters: rule(z.string().min(1), '#%*-_!@$&', '001 §2.1: special characters only from # % * - _ ! @ $ &'),
      requireDigit: rule(z.boolean(), true, '001 §2.1: must combine digits, letters and special characters'),
      requireLetter: rule(z.boolean(), true, '001 §2.1'),
      requireSpecial: rule(z.boolean(), true, '001 §2.1'),
    }),
    email: group({
      qqNumericOnly: rule(z.boolean(), true, '001 §2.1: a QQ mailbox uses the numeric form before @'),
      qqDomains: rule(z.array(z.string()), ['qq.com', 'vip.qq.com', 'foxmail.com'], '001 §2.1'),
      maxLength: rule(positive(), 64, '§7 decision'),
    }),
    phonePattern: rule(z.string(), '^1[3-9]\\d{9}$', '001 §2.1: 11-digit mobile number'),
    resetMethods: rule(z.array(z.enum(['email', 'sms', 'wechat'])).min(1), ['email', 'sms', 'wechat'], '002/003 §1.2.2: three reset methods (001 §2.1.2, older, lists only email and SMS)'),
    passwordResetFrom: rule(isoDate(), '2019-03-01', '002/003 §1.2.2, 004: accounts registered before 1 Mar 2019 must register again'),
    scryptCost: rule(positive().refine((n) => (n & (n - 1)) === 0, 'must be a power of two'), 16384, '§7 decision: scrypt N; load runs may lower it'),
  }),

  login: group({
    maxWrongPasswords: rule(positive(), 5, '§7 decision: lock after 5 wrong passwords in a row'),
    lockMinutes: rule(positive(), 15, '§7 decision'),
    sessionMinutes: rule(positive(), 120, '§7 decision: a session lives 2 hours from login'),
    maxSessionsPerAccount: rule(positive(), 5, '§7 decision: live sessions an account may hold; a new login ends the oldest past it'),
  }),

  captcha: group({
    trackWidthPx: rule(positive(), 300, '§7 decision: slider track width'),
    pieceWidthPx: rule(positive(), 50, '§7 decision'),
    tolerancePx: rule(count(), 4, '§7 decision: how far from the slot a drop still counts'),
    lifetimeSeconds: rule(positive(), 120, '§7 decision: an unsolved challenge or unused token expires'),
  }),

  codes: group({
    digits: rule(positive(), 6, '001 §2.1: a 6-digit code'),
    validMinutes: rule(positive(), 5, '001 §2.1: valid 5 minutes'),
    smsPerPhonePerDay: rule(positive(), 3, '001 §2.1: at most 3 SMS requests per phone number per day'),
    wechatPerIdPerDay: rule(positive(), 10, '§7 decision: the seeds set no WeChat limit'),
    resetEmailValidHours: rule(positive(), 24, '001 §2.1.2: the email reset link is valid 24 hours'),
    resetEmailsPerDay: rule(positive(), 3, '§7 decision: the seeds set no email limit; as many as the SMS codes a day'),
    maxWrongAttempts: rule(positive(), 5, '§7 decision: wrong codes a code takes before it is void (a 6-digit code then resists guessing)'),
  }),

  realName: group({
    attemptsPerDay: rule(positive(), 3, '001 §2.2.2 / 004: at most 3 attempts a day'),
    requiredForBusinessSince: rule(isoDate(), '2020-04-01', '001 §2.2.2: required since April 2020'),
  }),

  manualReview: group({
    perCycle: rule(positive(), 3, '004: at most 3 applications per cycle'),
    cycleStarts: rule(z.array(monthDay()).min(1), ['01-01', '09-01'], '004: cycles 1 Jan – 31 Aug and 1 Sep – 31 Dec'),
    decisionWithinWorkingDays: rule(positive(), 7, '004: a decision within 7 working days'),
    photoMaxBytes: rule(positive(), 190 * 1024, '004: a clear photo, JPG, under 190 KB'),
  }),

  certificates: group({
    syncedFromYear: rule(positive(), 2008, '002/003 §1.1.2: only certificates from 2008 on are in the system'),
    syncedFromYearByProvince: rule(z.record(z.string().regex(/^\d{2}$/), positive()), { '45': 2012 }, '002/003 §1.1.2: Guangxi (45) from 2012'),
    numberLengths: rule(z.array(positive()).min(1), [15, 17], '002/003 §3: certificate number of 15 or 17 digits'),
    photoMaxBytes: rule(positive(), 190 * 1024, '002/003 §3: certificate photo JPG < 190 KB'),
    extraPhotosMax: rule(count(), 5, '§7 decision: 002/003 §3 show an "add supplementary photo" button without a count'),
  }),

  registration: group({
    openMonths: rule(z.array(z.number().int().min(1).max(12)).min(1), [7, 8, 9, 10, 11, 12], '002/003 §3: open only in the second half of the year'),
    personalPhoto: photoRule(
      { above: 50 * 1024, below: 200 * 1024 }, { above: 290, below: 300 }, { above: 408, below: 418 },
      '002/003 §3 wizard: JPG, >50 KB and <200 KB, width 290–300 px, height 408–418 px (exclusive); 003 detail page says <190 KB, 300 × 400–416',
    ),
    formDelayMinutes: rule(positive(), 60, '002/003 §3: the form is available 1 hour after submission or a photo change'),
    approvalTiers: rule(z.array(z.string()).min(1).max(3), ['初审', '复核', '终审'], 'SPEC §8: up to three tiers (Fujian 2024)'),
    trainingHoursPerPeriod: rule(positive(), 360, '002/003 §3 须知: at least 360 training hours per 5-year period'),
    validYears: rule(positive(), 5, 'SPEC §8: registration is valid for 5 years'),
  }),

  backOffice: group({
    confirmationsPerPointPerDay: rule(positive(), 200, '§7 decision: on-site confirmation capacity of a 确认点'),
    approvalsPerInstitutionPerDay: rule(positive(), 500, '§7 decision: approval capacity of a registration body'),
  }),

  calendar: group({
    holidays: rule(
      z.record(z.string().regex(/^\d{4}$/), z.strictObject({
        daysOff: z.array(z.strictObject({ name: z.string(), from: isoDate(), to: isoDate() })),
        makeUpWorkdays: z.array(isoDate()),
      })),
      HOLIDAYS,
      'SPEC §8: official holidays and make-up working days, one entry a year',
    ),
    portalClosedOnHolidays: rule(z.boolean(), true, 'SPEC §8: the portal is closed on statutory holidays (Fujian 2024)'),
  }),

  limits: group({
    jsonBodyBytes: rule(positive(), 16 * 1024, '§7 decision: body limit of a JSON request'),
    uploadBodyBytes: rule(positive(), 1024 * 1024, '§7 decision: body limit of an upload (base64 JPEG in JSON)'),
    bulkBodyBytes: rule(positive(), 16 * 1024 * 1024, '§7 decision: body limit of an admin seed request'),
    seedEntries: rule(positive(), 10_000, '§7 decision: entries per admin seed request'),
    searchPageSize: rule(positive(), 20, '§7 decision: results of a school search'),
  }),

  /**
   * Per-client-address limits over a fixed one-minute window on the server's clock (API.md:
   * the address comes from X-Forwarded-For). 0 switches a limit off. Off by default: outside
   * checks drive the stub from one address on a settable clock that stands still, where any
   * finite per-minute limit would eventually refuse them for good; a load run switches them on.
   */
  rateLimits: group({
    captchaPerMinute: rule(count(), 0, '§7 decision: getCaptcha + solveCaptcha calls per address per minute; 0 = off (e.g. 30 for a realistic run)'),
    smsPerMinute: rule(count(), 0, '§7 decision: requestSmsCode + requestWechatCode calls per address per minute; 0 = off (e.g. 5)'),
    loginPerMinute: rule(count(), 0, '§7 decision: login calls per address per minute; 0 = off (e.g. 10)'),
    trackedAddresses: rule(positive(), 100_000, '§7 decision: windows kept in memory; past it the oldest are dropped (fail open) so memory stays bounded'),
  }),
});

export type Rules = z.output<typeof rulesSchema>;
/** What a rules file may hold: any subset of the rules, nested as in Rules. */
export type RulesOverride = z.input<typeof rulesSchema>;
