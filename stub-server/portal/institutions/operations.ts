import { z } from 'zod';
import type { Rules } from '../../../rules';
import { adminOperation, publicOperation } from '../operation';
import { date, requiredText } from '../fields';
import { invalid, type FieldError } from '../problem';
import type { Institution } from '../records';
import { assertSeasonOpen, seasonOf, windowStatus } from '../season';
import { registrationNotice } from './notice';
import { hasRights, pointCovers, pointView, servesCity } from './rights';
import { day, seeded } from '../answer-fields';

const province = () => z.string().regex(/^\d{2}$/, 'a 2-digit province code (e.g. 35 Fujian)');
const label = () => requiredText(50);

const pointAnswer = z.object({
  id: z.string(), name: z.string(),
  scope: z.object({ stages: z.array(z.string()), cities: z.array(z.string()).optional(), description: z.string() }),
});
const windowAnswer = z.object({ from: day(), to: day() });

export const getRegistrationNotice = publicOperation({
  operationId: 'getRegistrationNotice',
  output: z.object({
    title: z.string(),
    scope: z.object({ text: z.string(), mandatory: z.array(z.string()), provincialOption: z.string() }),
    firstRegistrationConditions: z.array(z.string()),
    conditions: z.array(z.string()),
    trainingHoursPerPeriod: z.number(),
    validYears: z.number(),
    materials: z.array(z.string()),
    windowLookup: z.string(),
    agreement: z.array(z.string()),
  }),
  summary: 'The must-read notice (须知): scope, conditions, first-registration conditions, materials; and the step-1 agreement',
  section: '§6',
  input: () => z.object({}),
  run: ({ ctx }) => registrationNotice(ctx.rules),
});

export const searchRegistrationWindows = publicOperation({
  operationId: 'searchRegistrationWindows',
  output: z.array(z.object({
    institutionId: z.string(), institution: z.string(), province: z.string(), city: z.string(),
    status: z.enum(['upcoming', 'open']), window: windowAnswer, confirmationPoints: z.array(pointAnswer),
  })),
  refuses: ['REGISTRATION_SEASON_CLOSED'],
  summary: 'Province → city → stage → institution: online windows open or upcoming this season, with confirmation points and their scope (确认范围); empty when none has opened',
  section: '§6',
  input: () => z.object({ province: province(), city: label().optional(), stage: label().optional(), institution: label().optional() }),
  run: ({ ctx, input, now }) => {
    assertSeasonOpen(ctx, now);
    const season = String(seasonOf(ctx, now));
    return ctx.state.institutions.lookup('province', input.province)
      .filter((i) => i.window.from.startsWith(season) && windowStatus(ctx, i, now) !== 'closed')
      .filter((i) => input.city === undefined || servesCity(i, input.city))
      .filter((i) => input.stage === undefined || i.stages.includes(input.stage))
      .filter((i) => input.institution === undefined || i.id === input.institution || i.name.includes(input.institution))
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((i) => ({
        institutionId: i.id,
        institution: i.name,
        province: i.province,
        city: i.city,
        status: windowStatus(ctx, i, now),
        window: i.window,
        confirmationPoints: i.confirmationPoints.filter((p) => pointCovers(p, input.stage, input.city)).map(pointView),
      }));
  },
});

export const institutionView = (i: Institution) => ({
  id: i.id, name: i.name, province: i.province, city: i.city, stages: i.stages,
  qualificationTypes: i.qualificationTypes, subjects: i.subjects ?? null, window: i.window,
  confirmationPoints: i.confirmationPoints.map(pointView),
});

export const searchInstitutions = publicOperation({
  operationId: 'searchInstitutions',
  output: z.array(z.object({
    id: z.string(), name: z.string(), province: z.string(), city: z.string(), stages: z.array(z.string()),
    qualificationTypes: z.array(z.string()), subjects: z.array(z.string()).nullable(), window: windowAnswer,
    confirmationPoints: z.array(pointAnswer),
  })),
  summary: 'Registration institutions with the right (定期注册权限) for a province, city, qualification type, stage and subject',
  section: '§6',
  input: () => z.object({
    province: province(), city: label().optional(), qualificationType: label().optional(), stage: label().optional(), subject: label().optional(),
  }),
  run: ({ ctx, input }) =>
    ctx.state.institutions.lookup('province', input.province)
      .filter((i) => (input.city === undefined || servesCity(i, input.city)) && hasRights(i, input))
      .sort((a, b) => a.id.localeCompare(b.id))
      .map(institutionView),
});

const labels = () => z.array(label()).min(1).max(50);
const institutionSchema = z.object({
  id: requiredText(40),
  name: requiredText(100),
  province: province(),
  city: label(),
  stages: labels(),
  qualificationTypes: labels(),
  subjects: labels().optional(),
  window: z.object({ from: date(), to: date() }),
  confirmationPoints: z.array(z.object({
    id: requiredText(40),
    name: requiredText(100),
    scope: z.object({ stages: labels(), cities: labels().optional(), description: requiredText(200) }),
  })).min(1).max(200),
});

/** Every month a window touches must be an open month of the same year (the season is H2). */
function windowErrors(rules: Rules, window: Institution['window'], field: string): FieldError[] {
  if (window.to < window.from) return [{ field, code: 'WINDOW_RANGE', message: 'the window ends before it starts' }];
  const [fromYear, fromMonth] = window.from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = window.to.split('-').map(Number) as [number, number];
  const months = Array.from({ length: toMonth - fromMonth + 1 }, (_, k) => fromMonth + k);
  if (fromYear !== toYear || !months.every((m) => rules.registration.openMonths.includes(m))) {
    return [{ field, code: 'WINDOW_NOT_IN_SEASON', message: `an online window lies within one season's open months (${rules.registration.openMonths.join(', ')})` }];
  }
  return [];
}

export const seedInstitutions = adminOperation({
  operationId: 'seedInstitutions',
  output: seeded(),
  refuses: ['WINDOW_RANGE', 'WINDOW_NOT_IN_SEASON'],
  summary: 'Institutions with their online window and confirmation points (bare array; adds or replaces by id); a window outside the open months is refused',
  section: 'test control',
  input: (rules) => z.array(institutionSchema).min(1).max(rules.limits.seedEntries),
  run: ({ ctx, input }) => {
    const errors = input.flatMap((inst, i) => windowErrors(ctx.rules, inst.window, `${i}.window`));
    if (errors.length > 0) throw invalid(errors);
    for (const inst of input) ctx.state.institutions.set(inst.id, inst);
    return { seeded: input.length };
  },
});

export const institutionOperations = [getRegistrationNotice, searchRegistrationWindows, searchInstitutions, seedInstitutions];
