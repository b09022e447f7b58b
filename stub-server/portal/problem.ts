/**
 * The portal's refusals, as RFC 9457 problem details with a stable upper-snake `code`.
 * The domain throws them; each transport renders them (HTTP: application/problem+json).
 */
import type { FieldCode, ProblemCode } from './problem-codes';

export interface FieldError { field: string; code: FieldCode; message: string }

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

export class PortalProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    detail: string,
    readonly extra: { errors?: FieldError[]; retryAfterSeconds?: number; [key: string]: unknown } = {},
  ) {
    // A refusal is an answer, not a bug: no stack trace to capture (and none may leak out).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(detail);
    Error.stackTraceLimit = limit;
    this.name = 'PortalProblem';
  }

  toBody(): ProblemBody {
    const { retryAfterSeconds: _headerOnly, ...extra } = this.extra;
    return {
      type: typeOf(this.code),
      title: TITLES[this.status] ?? 'Error',
      status: this.status,
      detail: this.message,
      code: this.code,
      ...extra,
    };
  }
}

/** A problem code's type URI, written once per code. */
const TYPES = new Map<string, string>();
function typeOf(code: string): string {
  let type = TYPES.get(code);
  if (type === undefined) TYPES.set(code, (type = `https://jszg-sim.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`));
  return type;
}

const TITLES: Record<number, string> = {
  400: 'Bad request', 401: 'Not signed in', 403: 'Forbidden', 404: 'Not found', 408: 'Request timeout',
  409: 'Conflict', 413: 'Payload too large', 415: 'Unsupported media type',
  422: 'Validation failed', 429: 'Too many requests', 431: 'Request headers too large', 500: 'Internal error', 503: 'Service unavailable', 504: 'Gateway timeout',
};

/** 422 naming every failing field; the top-level code is the first field's code (API.md). */
export function invalid(errors: FieldError[]): PortalProblem {
  const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return new PortalProblem(422, errors[0]?.code ?? 'VALIDATION_FAILED', detail, { errors });
}

export function invalidField(field: string, code: FieldCode, message: string): PortalProblem {
  return invalid([{ field, code, message }]);
}

/** 429 with Retry-After: seconds until the quota resets on the portal's clock. */
export function quotaExceeded(code: ProblemCode, detail: string, retryAfterSeconds: number, extra: Record<string, unknown> = {}): PortalProblem {
  return new PortalProblem(429, code, detail, { retryAfterSeconds, ...extra });
}

export const unauthorized = (code: ProblemCode = 'UNAUTHORIZED', detail = 'sign in first: a valid session token is required') =>
  new PortalProblem(401, code, detail);
export const forbidden = (code: ProblemCode, detail: string) => new PortalProblem(403, code, detail);
export const notFound = (code: ProblemCode, detail: string) => new PortalProblem(404, code, detail);
export const conflict = (code: ProblemCode, detail: string, extra: Record<string, unknown> = {}) =>
  new PortalProblem(409, code, detail, extra);
