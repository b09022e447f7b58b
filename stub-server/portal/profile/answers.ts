import { z } from 'zod';
import { idTypeSchema } from '../../../rules';
import { day, maybeMoment, moment } from '../answer-fields';
import { certificateAnswer } from '../certificates/answers';

/** What getMe, completeProfile and the personal-information centre say of the applicant (identityView). */
export const identityAnswer = z.object({
  idType: idTypeSchema,
  idNumber: z.string(),
  name: z.string(),
  idValidFrom: day(),
  idValidTo: day(),
  email: z.string(),
  maskedPhone: z.string(),
  registeredAt: moment(),
  lastLoginAt: maybeMoment(),
  wechatBound: z.boolean(),
  profileComplete: z.boolean(),
  profile: z.object({
    ethnicity: z.string(),
    gender: z.enum(['male', 'female']).optional(),
    birthDate: day().optional(),
    localIdNumber: z.string().optional(),
    permitNumber: z.string().optional(),
    completedAt: moment(),
  }).nullable(),
  realName: z.object({
    status: z.enum(['unverified', 'verified']),
    method: z.enum(['registry', 'manual-review']).nullable(),
    verifiedAt: maybeMoment(),
  }),
});

/** The personal-information centre (个人信息): its seven modules; the stub holds records of one. */
export const personalInfoAnswer = z.object({
  identity: identityAnswer,
  examRecords: z.array(z.never()),
  mandarinCertificates: z.array(z.never()),
  education: z.array(z.never()),
  degrees: z.array(z.never()),
  teacherCertificates: z.array(certificateAnswer),
  otherCertificates: z.array(z.never()),
});
