/**
 * What a scenario file may state, checked field by field: a planner's own week (`jszg-sim run
 * ./my-week.json`) is refused with every wrong or unknown field named, never half-run. Every
 * object is strict, so a typo names itself. The scenario's rule changes and faults are checked
 * by their own schemas (rules/, stub-server/portal/faults) when the file is loaded.
 */
import { z } from 'zod';
import { isRealDate } from '../rules';
import { PROVINCES } from '../sim/population';

const share = () => z.number().min(0).max(1);
const positive = () => z.number().positive();
const whole = (min: number) => z.number().int().min(min);
const date = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD').refine(isRealDate, 'not a real date');
/** Relative weights, one per slot; at least one above zero. */
const weights = (length: number) => z.array(z.number().nonnegative()).length(length).refine((w) => w.some((x) => x > 0), 'at least one weight above 0');

const distribution = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('constant'), value: z.number() }),
  z.strictObject({ kind: z.literal('uniform'), min: z.number(), max: z.number() }).refine((d) => d.min <= d.max, { message: 'min must not exceed max', path: ['max'] }),
  z.strictObject({ kind: z.literal('exponential'), mean: positive() }),
  z.strictObject({ kind: z.literal('lognormal'), median: positive(), sigma: positive() }),
  z.strictObject({ kind: z.literal('truncatedNormal'), mean: z.number(), sd: positive(), min: z.number(), max: z.number() })
    .refine((d) => d.min <= d.max, { message: 'min must not exceed max', path: ['max'] }),
  z.strictObject({ kind: z.literal('empirical'), values: z.array(z.number()).min(1), weights: z.array(z.number().nonnegative()).optional() })
    .refine((d) => !d.weights || d.weights.length === d.values.length, { message: 'one weight per value', path: ['weights'] }),
]).meta({ id: 'Distribution', description: 'A distribution as data (machines/distribution.ts)' });
const varies = () => z.union([z.number(), distribution]);
const choice = <K extends string>(keys: readonly [K, ...K[]]) => z.partialRecord(z.enum(keys), z.number().nonnegative());

const province = z.strictObject({
  code: z.enum(PROVINCES.map((p) => p.code) as [string, ...string[]]),
  share: positive(),
  window: z.strictObject({ from: date(), to: date() }).refine((w) => w.from <= w.to, { message: 'the window must not end before it opens', path: ['to'] }),
});

const persona = z.strictObject({
  hasAccount: share(), accountBefore2019: share(), forgotPassword: share(), wechatBound: share(),
  resetMethod: choice(['sms', 'email', 'wechat']), codeChannel: choice(['sms', 'wechat']),
  photoFaults: choice(['tooLarge', 'tooSmall', 'tooWide', 'tooNarrow', 'tooTall', 'notJpeg']),
  typoRate: varies(), wrongPasswordRate: varies(), captchaMissRate: varies(), photoCompliance: varies(),
  leaveWizardRate: varies(), disagreeRate: varies(),
  retries: varies(), waitDays: varies(), reviewChecks: varies(), statusChecks: varies(), answerSeconds: varies(),
  thinkTimeMedianSeconds: varies(), thinkTimeSigma: z.number().nonnegative(), minThinkSeconds: positive(), checkEveryDays: varies(), comeBackAfterMinutes: varies(),
  pressAgain: varies(), pressAgainSeconds: varies(),
  hourProfiles: z.record(z.string(), z.strictObject({ weight: positive(), hours: weights(24) })),
}).partial();

/** A scenario file: name, description and provinces; anything else overrides the defaults (scenarios/defaults.ts). */
export const scenarioInputSchema = z.strictObject({
  /** Where an editor finds this schema as JSON Schema (docs/scenario.schema.json). */
  $schema: z.string().optional(),
  name: z.string().min(1),
  description: z.string(),
  descriptionZh: z.string().optional(),
  provinces: z.array(province).min(1),
  seed: whole(0).optional(),
  applicants: whole(1).optional(),
  followUpDays: whole(0).optional(),
  arrivals: z.strictObject({
    openingSpike: z.strictObject({ multiplier: positive(), decayDays: positive() }),
    deadlineRush: z.strictObject({ days: whole(1), multiplier: positive() }),
    hourOfDay: weights(24),
    weekday: weights(7),
  }).partial().optional(),
  population: z.strictObject({ staleRate: share(), ctidFailRate: share(), verifiedAccounts: share(), persona }).partial().optional(),
  backOffice: z.strictObject({
    reviewers: z.strictObject({
      count: whole(1),
      hours: z.tuple([whole(0).max(23), whole(1).max(24)]).refine(([from, to]) => from < to, 'office hours end after they start'),
      continuous: z.boolean(),
      serviceMinutes: distribution,
      approveRate: share(),
    }).partial(),
    confirmation: z.strictObject({ perPointPerDay: whole(1), passRate: share(), messageRate: share() }).partial(),
    approval: z.strictObject({
      perInstitutionPerDay: whole(1),
      revertRate: share(),
      outcomes: z.strictObject({ 注册合格: share(), 暂缓注册: share(), 注册不合格: share() }).partial(),
    }).partial(),
  }).partial().optional(),
  capacity: z.strictObject({
    servers: z.strictObject({
      servers: whole(1),
      serviceMs: z.record(z.string(), positive()),
      timeoutMs: positive(),
      backlog: whole(0),
      refusedMs: z.number().nonnegative(),
    }).partial(),
    smsGateway: z.strictObject({ perHour: whole(1) }),
    registry: z.strictObject({ perHour: whole(1) }),
  }).partial().optional(),
  thresholds: z.array(z.string()).optional(),
  faults: z.record(z.string(), z.unknown()).optional(),
  rules: z.record(z.string(), z.unknown()).optional(),
});
