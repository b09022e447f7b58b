/**
 * What a portal answer means to an applicant: one label per answer, shared by both clients
 * (in-process and HTTP) so the machines react identically to both. A success may carry
 * what the applicant sees (a conclusion, a verification result); a refusal is its problem
 * code, with the few that applicants treat alike folded together.
 */
export type Outcome = string;

/** Refusals an applicant meets as one thing. */
const FOLDED: Record<string, Outcome> = {
  CAPTCHA_INVALID: 'CAPTCHA',
  CAPTCHA_MISMATCH: 'CAPTCHA',
  CAPTCHA_EXPIRED: 'CAPTCHA',
  PHOTO_NOT_JPEG: 'PHOTO_REFUSED',
  PHOTO_TOO_SMALL: 'PHOTO_REFUSED',
  PHOTO_TOO_LARGE: 'PHOTO_REFUSED',
  PHOTO_WIDTH: 'PHOTO_REFUSED',
  PHOTO_HEIGHT: 'PHOTO_REFUSED',
  CODE_INVALID: 'CODE_REFUSED',
  CODE_EXPIRED: 'CODE_REFUSED',
};

/** What an overloaded or broken portal looks like from the browser. */
export const UNAVAILABLE = 'UNAVAILABLE';

/** An answer slower than the applicant would wait for: they closed the page, whatever the portal did. */
export const TOO_SLOW = 'TOO_SLOW';

/**
 * What the applicant makes of a step whose slowest page took `slowestMs`: past their patience
 * they never saw the answer (and will find the portal's state changed when they come back).
 */
export function seen(outcome: Outcome, slowestMs: number, patience: { answerSeconds: number }): Outcome {
  return outcome !== UNAVAILABLE && slowestMs > patience.answerSeconds * 1000 ? TOO_SLOW : outcome;
}

interface Answer { status: number; body: any }

/** Successes whose body decides where the applicant goes next. */
const SUCCESS: Record<string, (body: any) => Outcome> = {
  login: (b) => (!b.profileComplete ? 'ok-incomplete' : b.realNameStatus !== 'verified' ? 'ok-unverified' : 'ok'),
  verifyRealName: (b) => (b.status === 'passed' ? 'passed' : `failed:${b.nextStep}`),
  getManualReview: (b) => b.status,
  listMyCertificates: (b) => (Array.isArray(b) && b.length > 0 ? 'found' : 'none'),
  searchSchools: (b) => (Array.isArray(b) && b.length > 0 ? 'found' : 'none'),
  searchInstitutions: (b) => (Array.isArray(b) && b.length > 0 ? 'found' : 'none'),
  searchRegistrationWindows: (b) => {
    const list = Array.isArray(b) ? b : [];
    if (list.some((w: { status?: string }) => w.status === 'open')) return 'open';
    return list.some((w: { status?: string }) => w.status === 'upcoming') ? 'upcoming' : 'none';
  },
  getRegistration: (b) => (b.conclusion === '网报待确认' && b.unreadMessages > 0 ? 'message' : b.conclusion),
};

/** The outcome of one answer to `operationId`. */
export function classify(operationId: string, answer: Answer): Outcome {
  if (answer.status >= 500 || answer.status === 0) return UNAVAILABLE;
  if (answer.status < 300) return SUCCESS[operationId]?.(answer.body) ?? 'ok';
  const code = String(answer.body?.code ?? 'UNKNOWN');
  if (code === 'RATE_LIMITED') return UNAVAILABLE;
  if (answer.status === 422 && !FOLDED[code]) return 'INVALID';
  return FOLDED[code] ?? code;
}
