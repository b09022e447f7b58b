import { z } from 'zod';
import { date, requiredText } from '../fields';
import type { FieldCode } from '../problem-codes';

/** A yes the wizard insists on (a ticked box), refused with a stable code when missing or false. */
export const mustBeTrue = (code: FieldCode, message: string) =>
  z.boolean().superRefine((v, ctx) => { if (!v) ctx.addIssue({ code: 'custom', params: { code }, message }); });

const choice = () => requiredText(30);

/**
 * Step 2 of the wizard (填写注册信息), after the certificate: the applicant's education,
 * employment and contact details, and the personal photo (by the id uploadPhoto returned).
 */
export const stepTwoShape = {
  mandarinCertificate: requiredText(50),
  highestEducation: choice(),
  degree: choice(),
  majorCategory: requiredText(50),
  major: requiredText(50),
  graduatingSchoolId: requiredText(40),
  graduationDate: date(),
  studyForm: choice(),
  currentSchool: requiredText(100),
  schoolType: choice(),
  schoolLocation: choice(),
  firstEmploymentDate: date(),
  currentEmployerStartDate: date(),
  title: choice(),
  postType: choice(),
  politicalStatus: choice(),
  householdRegistration: requiredText(100),
  address: requiredText(200),
  postcode: z.string().max(10).superRefine((v, ctx) => {
    if (!/^\d{6}$/.test(v)) ctx.addIssue({ code: 'custom', params: { code: 'POSTCODE_FORMAT' }, message: 'a 6-digit postcode' });
  }),
  photoId: requiredText(64),
};

/** Step 3 (选择注册机构): the institution, its confirmation point, the current stage and subject. */
export const stepThreeShape = {
  institutionId: requiredText(40),
  confirmationPointId: requiredText(40),
  stage: choice(),
  subject: choice(),
};

export type StepTwo = z.infer<z.ZodObject<typeof stepTwoShape>>;
export type Details = Omit<StepTwo, 'photoId'>;
