import { z } from 'zod';
import { idTypeSchema } from '../../../rules';
import { day, moment } from '../answer-fields';
import { stepTwoShape } from './fields';

const conclusion = z.enum(['网报待确认', '确认未通过', '待注册审批', '注册合格', '暂缓注册', '注册不合格']);

/** A row of the application list (registrationSummary). */
export const registrationSummaryAnswer = z.object({
  applicationNumber: z.string(),
  certificateNumber: z.string(),
  stage: z.string(),
  subject: z.string(),
  conclusion,
  institution: z.object({ id: z.string(), name: z.string().nullable() }),
  submittedAt: moment(),
  formAvailableAt: moment(),
});

/** The detail page (registrationDetail): everything submitted, the tiers passed and the history. */
export const registrationDetailAnswer = registrationSummaryAnswer.extend({
  confirmationPoint: z.object({
    id: z.string(),
    name: z.string().nullable(),
    scope: z.object({ stages: z.array(z.string()), cities: z.array(z.string()).optional(), description: z.string() }).nullable(),
  }),
  photoId: z.string(),
  applicant: z.object({
    name: z.string(), ethnicity: z.string().nullable(), idType: idTypeSchema, idNumber: z.string(),
    gender: z.enum(['male', 'female']).nullable(), birthDate: day().nullable(),
  }).nullable().meta({ description: 'the identity as the application keeps it: updated when the application is submitted again' }),
  details: z.object(stepTwoShape).omit({ photoId: true }).meta({ description: 'step 2 of the wizard, as submitted' }),
  tiersPassed: z.array(z.string()),
  season: z.number().int(),
  history: z.array(z.object({
    at: moment(), from: conclusion.nullable(), to: conclusion, reason: z.string().optional(), tier: z.string().optional(),
  })),
  messageCount: z.number().int(),
  unreadMessages: z.number().int(),
});

/** A message (留言) on an application. */
export const messageAnswer = z.object({ from: z.enum(['confirmation-point', 'institution']), text: z.string(), at: moment() });
