/**
 * Every problem code the stub answers with, and its status: one list, typed, so a code thrown
 * anywhere must be here (the compiler says so), and /openapi.json lists each operation's codes
 * per status from it. Codes are the contract's names, not rules: no number lives here.
 */

/**
 * What a field's own check answers (422, in `errors[]`; the first one is also the problem's
 * `code`): any field of any input may give these, so the document lists them for every input.
 */
export const FORMAT_CODES = [
  // Generic (validation.ts maps zod's issues onto these).
  'REQUIRED', 'INVALID_TYPE', 'INVALID_VALUE', 'INVALID_FORMAT', 'TOO_LONG', 'TOO_SHORT', 'INVALID', 'VALIDATION_FAILED',
  // The portal's field formats (fields.ts, identity/id-numbers.ts, photos/).
  'DATE_FORMAT', 'EMAIL_FORMAT', 'EMAIL_FULLWIDTH_STOP', 'EMAIL_QQ_ALIAS', 'PHONE_FORMAT', 'NAME_FORMAT', 'CODE_FORMAT',
  'POSTCODE_FORMAT', 'PASSWORD_POLICY', 'BASE64_FORMAT', 'CERTIFICATE_NUMBER_FORMAT',
  'ID_FORMAT', 'ID_AREA_CODE', 'ID_BIRTH_DATE', 'ID_CHECKSUM', 'ID_TYPE_MISMATCH',
  'PHOTO_NOT_JPEG', 'PHOTO_TOO_LARGE', 'PHOTO_TOO_SMALL', 'PHOTO_WIDTH', 'PHOTO_HEIGHT',
] as const;

/** Field errors an operation finds against other fields or what the portal holds (422): each operation lists its own. */
export const CHECK_CODES = [
  'ID_VALIDITY_RANGE', 'ID_EXPIRED', 'ID_NOT_SECOND_GENERATION', 'DATE_IN_FUTURE', 'DATE_ORDER', 'WINDOW_RANGE',
  'AGREEMENT_REQUIRED', 'NOTICES_NOT_READ', 'CAPTCHA_INVALID', 'CAPTCHA_EXPIRED', 'CAPTCHA_MISMATCH',
  'CODE_INVALID', 'CODE_EXPIRED', 'CODE_ATTEMPTS_EXCEEDED', 'RESET_TOKEN_INVALID', 'RESET_TOKEN_EXPIRED',
  'HOLDER_MISMATCH', 'CERTIFICATE_NOT_LINKED', 'PHOTO_NOT_FOUND', 'INSTITUTION_NOT_FOUND', 'INSTITUTION_NOT_ENTITLED',
  'CONFIRMATION_POINT_NOT_FOUND', 'OUTSIDE_POINT_SCOPE', 'SCHOOL_NOT_FOUND', 'WINDOW_NOT_IN_SEASON',
  'CLOCK_OUT_OF_RANGE', 'UNKNOWN_OPERATION', 'NOT_FAULTABLE',
] as const;

export type FieldCode = (typeof FORMAT_CODES)[number] | (typeof CHECK_CODES)[number];

/** Every other code, with the one status it is answered with. */
export const PROBLEM_STATUS = {
  // The transport's own refusals (stub-server/http).
  BAD_REQUEST: 400, MALFORMED_JSON: 400, NOT_FOUND: 404, METHOD_NOT_ALLOWED: 405, REQUEST_TIMEOUT: 408,
  BODY_TOO_LARGE: 413, UNSUPPORTED_MEDIA_TYPE: 415, UNSUPPORTED_ENCODING: 415, EXPECTATION_FAILED: 417,
  HEADERS_TOO_LARGE: 431, RATE_LIMITED: 429, INTERNAL_ERROR: 500, STORE_UNAVAILABLE: 503, INJECTED_OUTAGE: 503,
  // Who may call.
  UNAUTHORIZED: 401, SESSION_EXPIRED: 401, SESSION_ENDED: 401, WRONG_CREDENTIALS: 401,
  ADMIN_TOKEN_REQUIRED: 401, ADMIN_TOKEN_INVALID: 403, PROFILE_INCOMPLETE: 403, REAL_NAME_REQUIRED: 403,
  // Not there.
  ACCOUNT_NOT_FOUND: 404, CERTIFICATE_NOT_FOUND: 404, REGISTRATION_NOT_FOUND: 404, MANUAL_REVIEW_NOT_FOUND: 404,
  NO_MANUAL_REVIEW: 404,
  // Not now, or not in this state.
  ACCOUNT_EXISTS: 409, CERTIFICATE_EXISTS: 409, CERTIFICATE_SYNCED_NOT_ADDABLE: 409, SCHOOL_EXISTS: 409,
  ALREADY_VERIFIED: 409, MANUAL_REVIEW_PENDING: 409, MANUAL_REVIEW_NOT_PENDING: 409, VERIFICATION_FAILURE_REQUIRED: 409,
  CTID_RESIDENT_ID_ONLY: 409, WECHAT_NOT_BOUND: 409, REGISTER_AGAIN: 409, RESET_METHOD_UNAVAILABLE: 409,
  PASSWORD_CHANGED_MEANWHILE: 409, CLOCK_NOT_SETTABLE: 409, FORM_NOT_YET_AVAILABLE: 409,
  COMMITMENT_DECLINED: 409, DUPLICATE_APPLICATION: 409, PORTAL_CLOSED_HOLIDAY: 409, REGISTRATION_SEASON_CLOSED: 409,
  REGISTRATION_WINDOW_CLOSED: 409, NOT_PENDING_CONFIRMATION: 409, INVALID_TRANSITION: 409, TIER_OUT_OF_ORDER: 409,
  // Quotas (with Retry-After).
  LOGIN_LOCKED: 429, SMS_DAILY_QUOTA_EXCEEDED: 429, WECHAT_DAILY_QUOTA_EXCEEDED: 429,
  RESET_EMAIL_DAILY_QUOTA_EXCEEDED: 429, REAL_NAME_DAILY_QUOTA_EXCEEDED: 429, MANUAL_REVIEW_CYCLE_QUOTA_EXCEEDED: 429,
  // Backends (with Retry-After during an outage).
  SMS_GATEWAY_UNAVAILABLE: 503, REGISTRY_UNAVAILABLE: 503,
  // The modelled front end of in-process runs (sim/runner/step-client.ts); the stub never sends them.
  SERVER_BUSY: 503, GATEWAY_TIMEOUT: 504,
} as const;

/**
 * An injected error (setFaults) answers the status it was configured with, so its code has
 * no status of its own.
 */
export const INJECTED_FAULT = 'INJECTED_FAULT';

export type ProblemCode = FieldCode | keyof typeof PROBLEM_STATUS | typeof INJECTED_FAULT;

/** The status a code is answered with; undefined for INJECTED_FAULT, whose status is configured. */
export function statusOf(code: ProblemCode): number | undefined {
  if ((FORMAT_CODES as readonly string[]).includes(code) || (CHECK_CODES as readonly string[]).includes(code)) return 422;
  return (PROBLEM_STATUS as Record<string, number>)[code];
}
