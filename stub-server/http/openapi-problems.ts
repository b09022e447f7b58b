import { STATUS_CODES } from 'node:http';
import { FORMAT_CODES, kindRefusals, statusOf, type Operation, type ProblemCode } from '../portal';

/** RFC 9457 problem details, with this API's stable `code` and, for 422, the failing fields. */
export const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$', description: 'stable upper-snake code' },
    errors: {
      type: 'array',
      items: {
        type: 'object', required: ['field', 'code', 'message'],
        properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
  // Problem details may carry more members (RFC 9457 §3.2): a quota's `limit`, a conflict's `existingId`.
  additionalProperties: true,
};

/** Operations that faults cannot touch (they would lock the fault controls out). */
const UNFAULTABLE = new Set(['getFaults', 'setFaults']);

/**
 * The codes every operation of a kind can answer, beyond its own: the transport's (body,
 * validation, store, injected faults), who may call, prerequisites, an identity edit during a
 * pending review, captcha, rate limits.
 */
function kindCodes(op: Operation, rateLimited: boolean): ProblemCode[] {
  const codes: ProblemCode[] = [
    'BAD_REQUEST', 'MALFORMED_JSON', 'BODY_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'UNSUPPORTED_ENCODING',
    'INTERNAL_ERROR', 'STORE_UNAVAILABLE',
  ];
  if (!UNFAULTABLE.has(op.operationId)) codes.push('INJECTED_OUTAGE');
  if (op.access === 'applicant') codes.push('UNAUTHORIZED');
  if (op.access === 'admin') codes.push('ADMIN_TOKEN_REQUIRED', 'ADMIN_TOKEN_INVALID');
  codes.push(...kindRefusals(op));
  if (rateLimited) codes.push('RATE_LIMITED');
  return codes;
}

/** Shared pieces of the problem answers, under components. */
export const PROBLEM_COMPONENTS = {
  schemas: {
    Problem: PROBLEM_SCHEMA,
    FormatCode: { enum: [...FORMAT_CODES], description: 'what a field\'s own check answers (422); any input may give these' },
  },
  headers: {
    'Retry-After': { description: 'seconds until trying again can help', schema: { type: 'integer', minimum: 1 } },
  },
};

/** A problem answer of one status, its `code` one of `codes` (422: or a field format's code). */
function problemResponse(status: number | undefined, codes: string[], description: string) {
  const formats = { $ref: '#/components/schemas/FormatCode' };
  const code = status !== 422 ? { enum: codes } : codes.length > 0 ? { anyOf: [formats, { enum: codes }] } : formats;
  const only = { properties: { code, ...(status ? { status: { const: status } } : {}) } };
  return {
    description,
    // 429 always says when to try again; a 503 does during an outage.
    headers: { 'Retry-After': status === 429 ? { ...PROBLEM_COMPONENTS.headers['Retry-After'], required: true } : { $ref: '#/components/headers/Retry-After' } },
    content: { 'application/problem+json': { schema: { allOf: [{ $ref: '#/components/schemas/Problem' }, only] } } },
  };
}

/**
 * An operation's problem answers by status, each listing its codes; an injected fault
 * (setFaults) can answer any status from 400 to 599, so each status also lists INJECTED_FAULT
 * and the 4XX and 5XX ranges stand for the statuses it has no other reason to answer.
 */
export function problemResponses(op: Operation, { rateLimited }: { rateLimited: boolean }): Record<string, object> {
  const byStatus = new Map<number, Set<string>>();
  for (const code of [...kindCodes(op, rateLimited), ...(op.refuses ?? [])]) {
    if ((FORMAT_CODES as readonly string[]).includes(code)) continue;
    const status = statusOf(code)!;
    if (!byStatus.has(status)) byStatus.set(status, new Set());
    byStatus.get(status)!.add(code);
  }
  // Any input may fail a field's own check, so every operation answers 422.
  if (!byStatus.has(422)) byStatus.set(422, new Set());
  const faultable = !UNFAULTABLE.has(op.operationId);
  const responses: Record<string, object> = {};
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
    const codes = [...byStatus.get(status)!].sort();
    if (faultable) codes.push('INJECTED_FAULT');
    responses[String(status)] = problemResponse(status, codes, `${STATUS_CODES[status]}: a problem, its code one of those listed`);
  }
  if (faultable) {
    for (const range of ['4XX', '5XX']) responses[range] = problemResponse(undefined, ['INJECTED_FAULT'], 'an injected fault, at the status setFaults gave it');
  }
  return responses;
}
