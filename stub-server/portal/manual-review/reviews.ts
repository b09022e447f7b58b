import { reviewCycleAt } from '../../../rules';
import type { PortalContext } from '../context';
import type { ManualReview } from '../records';

/** The quota counter of manual-review applications, per account per cycle. */
export const REVIEW_COUNTER = 'manualReview';

/** An account's reviews, oldest first (ids are sequential, so they sort by submission). */
export function reviewsOf(ctx: PortalContext, idNumber: string): ManualReview[] {
  return ctx.state.manualReviews.lookup('owner', idNumber).sort((a, b) => a.submittedAt - b.submittedAt || a.id.localeCompare(b.id));
}

export const latestReview = (ctx: PortalContext, idNumber: string): ManualReview | undefined => reviewsOf(ctx, idNumber).at(-1);

/** The review awaiting a decision: while it exists the applicant can neither resubmit nor self-verify (SPEC §4). */
export const pendingReview = (ctx: PortalContext, idNumber: string): ManualReview | undefined =>
  reviewsOf(ctx, idNumber).find((r) => r.status === 'pending');

/** Applications left in the cycle holding `now`. */
export function remainingThisCycle(ctx: PortalContext, idNumber: string, now: number): number {
  const cycle = reviewCycleAt(now, ctx.rules);
  return Math.max(0, ctx.rules.manualReview.perCycle - ctx.counted(REVIEW_COUNTER, idNumber, cycle.id));
}


/** A review as the applicant and the back office see it (no photo bytes are kept). */
export function reviewView(ctx: PortalContext, review: ManualReview) {
  return {
    reviewId: review.id,
    status: review.status,
    name: review.name,
    note: review.note ?? null,
    reason: review.reason ?? null,
    cycle: review.cycle,
    submittedAt: ctx.iso(review.submittedAt),
    decisionDue: review.decisionDue,
    decidedAt: ctx.iso(review.decidedAt),
    photo: { bytes: review.photo.bytes, width: review.photo.width, height: review.photo.height },
  };
}
