import type { PortalContext } from '../context';
import type { ApplicantOperation } from '../operation';
import { conflict } from '../problem';
import type { Account } from '../records';
import { pendingReview } from './reviews';

/**
 * 待人工审核期间，您不可修改所提交信息，也不可进行实名核验 (001 §2.2.2; 004: 待审核期间无法修改信息):
 * while a manual review is pending, an operation marked `identityEdit` is refused, before it
 * uses up anything (a code, a real-name attempt, an application). The portal checks it for
 * every operation, so each refusal is the same problem.
 */
export function refuseEditWhileReviewPending<I>(ctx: PortalContext, op: ApplicantOperation<I, unknown>, input: I, account: Account): void {
  const edit = op.identityEdit;
  if (edit === undefined || (edit !== true && !edit(input, account))) return;
  if (!pendingReview(ctx, account.idNumber)) return;
  throw conflict(
    'MANUAL_REVIEW_PENDING',
    'a manual review (人工审核) is pending: what it was submitted with cannot be changed, nor real-name verification tried, until it is decided (待人工审核期间，您不可修改所提交信息，也不可进行实名核验)',
  );
}
