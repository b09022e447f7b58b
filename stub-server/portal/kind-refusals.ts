import type { Operation } from './operation';
import type { ProblemCode } from './problem-codes';

/**
 * The business refusals an operation gives for what it is rather than what it does: a session
 * that has expired, the prerequisites it requires, an identity edit while a manual review is
 * pending, a captcha. The document lists them (stub-server/http/openapi-problems.ts), and the
 * exported k6 journeys take them as outcomes (k6/routes.ts).
 */
export function kindRefusals(op: Operation): ProblemCode[] {
  const codes: ProblemCode[] = [];
  if (op.access === 'applicant') {
    codes.push('SESSION_EXPIRED');
    if (op.requires.includes('profile')) codes.push('PROFILE_INCOMPLETE');
    if (op.requires.includes('realName')) codes.push('REAL_NAME_REQUIRED');
    if (op.identityEdit) codes.push('MANUAL_REVIEW_PENDING');
  }
  if (op.captcha) codes.push('CAPTCHA_INVALID');
  return codes;
}
