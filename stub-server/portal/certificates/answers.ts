import { z } from 'zod';
import { day } from '../answer-fields';

/** A teacher certificate as the applicant's list shows it (certificateView). */
export const certificateAnswer = z.object({
  certificateNumber: z.string(),
  qualificationType: z.string(),
  subject: z.string(),
  certifyingBody: z.string(),
  issueDate: day(),
  province: z.string(),
  lastRegistration: z.object({ date: day(), conclusion: z.string() }).nullable(),
  source: z.enum(['registry', 'hand-added']),
});
