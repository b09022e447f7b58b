import { z } from 'zod';
import { day, maybeMoment, moment } from '../answer-fields';

/** A manual review as the applicant and the back office see it (reviewView). */
export const reviewAnswer = z.object({
  reviewId: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  name: z.string(),
  note: z.string().nullable(),
  reason: z.string().nullable(),
  cycle: day(),
  submittedAt: moment(),
  decisionDue: day(),
  decidedAt: maybeMoment(),
  photo: z.object({ bytes: z.number().int(), width: z.number().int(), height: z.number().int() }),
});
