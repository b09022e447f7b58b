import { z } from 'zod';
import { reviewCycleAt, secondsUntil } from '../../../rules';
import { adminOperation, applicantOperation } from '../operation';
import { base64File, personName, requiredText, text } from '../fields';
import { conflict, invalidField, notFound, quotaExceeded } from '../problem';
import { checkPhoto, underBytes } from '../photos/photo-check';
import type { ManualReview } from '../records';
import { Lazy } from '../lazy';
import { latestReview, remainingThisCycle, REVIEW_COUNTER, reviewView } from './reviews';
import { reviewAnswer } from './answers';
import { day, moment } from '../answer-fields';
import { withFields } from '../with-fields';

export const submitManualReview = applicantOperation({
  operationId: 'submitManualReview',
  output: z.object({
    reviewId: z.string(), status: z.literal('pending'), cycle: day(), submittedAt: moment(), decisionDue: day(), remainingThisCycle: z.number().int(),
  }),
  refuses: ['ALREADY_VERIFIED', 'VERIFICATION_FAILURE_REQUIRED', 'MANUAL_REVIEW_CYCLE_QUOTA_EXCEEDED'],
  summary: 'Apply for manual review (人工审核) after a failed real-name check: a photo of the ID document as base64 JPEG in JSON (`photo`, under 190 KB), optionally a new `name` and a `note`; 3 per cycle (1 Jan – 31 Aug, 1 Sep – 31 Dec)',
  section: '§4',
  requires: ['profile'],
  // A second application while one is pending would change what is being decided.
  identityEdit: true,
  input: (rules) => z.object({ photo: base64File(rules), name: personName(rules).optional(), note: text(500).optional() }),
  run: ({ ctx, input, account, now }) => {
    const { rules } = ctx;
    if (account.realName.status === 'verified') throw conflict('ALREADY_VERIFIED', 'real-name verification has already passed');
    // The seeds reach manual review only from the failure page of a real-name check.
    if (account.realName.failedAttempts === 0) {
      throw conflict('VERIFICATION_FAILURE_REQUIRED', 'try real-name verification first: manual review is for when it fails');
    }
    const cycle = reviewCycleAt(now, rules);
    const { perCycle } = rules.manualReview;
    if (ctx.counted(REVIEW_COUNTER, account.idNumber, cycle.id) >= perCycle) {
      throw quotaExceeded(
        'MANUAL_REVIEW_CYCLE_QUOTA_EXCEEDED',
        `at most ${perCycle} manual-review applications per cycle; the next cycle starts ${ctx.dateOf(cycle.endMs)}`,
        secondsUntil(now, cycle.endMs),
        { limit: perCycle, nextCycle: ctx.dateOf(cycle.endMs) },
      );
    }
    // A refused photo does not use up an application: it is checked before counting.
    const photo = checkPhoto(input.photo, underBytes(rules.manualReview.photoMaxBytes), 'photo');
    ctx.count(REVIEW_COUNTER, account.idNumber, cycle.id);
    const review: ManualReview = {
      id: `MR${String(ctx.nextSeq('manualReview')).padStart(8, '0')}`,
      idNumber: account.idNumber,
      cycle: cycle.id,
      name: input.name ?? account.name,
      ...(input.note !== undefined ? { note: input.note } : {}),
      photo,
      submittedAt: now,
      decisionDue: ctx.calendar.addWorkingDays(ctx.dateOf(now), rules.manualReview.decisionWithinWorkingDays),
      status: 'pending',
    };
    ctx.state.manualReviews.set(review.id, review);
    return {
      reviewId: review.id,
      status: review.status,
      cycle: review.cycle,
      submittedAt: ctx.iso(now),
      decisionDue: review.decisionDue,
      remainingThisCycle: remainingThisCycle(ctx, account.idNumber, now),
    };
  },
});

export const getManualReview = applicantOperation({
  operationId: 'getManualReview',
  output: reviewAnswer.extend({ remainingThisCycle: z.number().int() }),
  refuses: ['NO_MANUAL_REVIEW'],
  summary: 'The applicant\'s latest manual review: status, the reason if rejected, the promised decision date, and applications left this cycle',
  section: '§4',
  requires: ['profile'],
  input: () => z.object({}),
  run: ({ ctx, account, now }) => {
    const review = latestReview(ctx, account.idNumber);
    if (!review) throw notFound('NO_MANUAL_REVIEW', 'no manual review has been submitted');
    return { ...reviewView(ctx, review), remainingThisCycle: remainingThisCycle(ctx, account.idNumber, now) };
  },
});

export const decideManualReview = adminOperation({
  operationId: 'decideManualReview',
  output: reviewAnswer.extend({ workingDaysTaken: z.number().int(), withinSla: z.boolean() }),
  refuses: ['MANUAL_REVIEW_NOT_FOUND', 'MANUAL_REVIEW_NOT_PENDING'],
  summary: 'Approve a pending manual review (real name verified; a requested name applied), or reject it with a `reason` shown to the applicant',
  section: 'back office, §4',
  input: () => z.object({
    reviewId: requiredText(20),
    decision: z.enum(['approve', 'reject']),
    reason: requiredText(500).optional(),
  }),
  run: ({ ctx, input, now }) => {
    if (input.decision === 'reject' && input.reason === undefined) {
      throw invalidField('reason', 'REQUIRED', 'a rejection needs a reason: the applicant sees it');
    }
    const review = ctx.state.manualReviews.get(input.reviewId);
    if (!review) throw notFound('MANUAL_REVIEW_NOT_FOUND', `no manual review ${input.reviewId}`);
    if (review.status !== 'pending') throw conflict('MANUAL_REVIEW_NOT_PENDING', `review ${review.id} was already ${review.status}`);
    const approved = input.decision === 'approve';
    const decided: ManualReview = {
      ...review,
      status: approved ? 'approved' : 'rejected',
      ...(approved ? {} : { reason: input.reason }),
      decidedAt: now,
    };
    ctx.state.manualReviews.set(review.id, decided);
    const account = ctx.state.accounts.get(review.idNumber);
    if (approved && account) {
      ctx.state.accounts.set(account.idNumber, {
        ...account,
        name: review.name,
        realName: withFields(account.realName, { status: 'verified' as const, method: 'manual-review' as const, verifiedAt: now }),
      });
    }
    // Built when read (lazy.ts): the simulator's back office reads only a few of its fields.
    return new Lazy(() => {
      const decidedDate = ctx.dateOf(now);
      return {
        ...reviewView(ctx, decided),
        workingDaysTaken: ctx.calendar.workingDaysBetween(ctx.dateOf(review.submittedAt), decidedDate),
        // The promise is a date (7 working days on), so being on time is a date comparison.
        withinSla: decidedDate <= review.decisionDue,
      };
    });
  },
});

export const manualReviewOperations = [submitManualReview, getManualReview, decideManualReview];
