import type { z } from 'zod';
import type { FieldError } from './problem';
import type { FieldCode } from './problem-codes';

/** Maps a schema's issues to the 422 field errors of API.md, with stable codes. */
export function fieldErrors(error: z.ZodError, input: unknown): FieldError[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || '(body)';
    return { field, code: codeOf(issue, valueAt(input, issue.path)), message: messageOf(issue) };
  });
}

function codeOf(issue: z.core.$ZodIssue, value: unknown): FieldCode {
  switch (issue.code) {
    case 'custom': return (issue.params as { code?: FieldCode } | undefined)?.code ?? 'INVALID';
    case 'invalid_type': return value === undefined || value === null ? 'REQUIRED' : 'INVALID_TYPE';
    case 'too_big': return 'TOO_LONG';
    case 'too_small': return typeof value === 'string' && value.length === 0 ? 'REQUIRED' : 'TOO_SHORT';
    case 'invalid_format': return 'INVALID_FORMAT';
    case 'invalid_value': return 'INVALID_VALUE';
    default: return 'INVALID';
  }
}

function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  return issue.message;
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
