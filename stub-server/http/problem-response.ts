import type { Response } from 'express';
import { PortalProblem } from '../portal';

/** Writes a problem as application/problem+json, with Retry-After when it carries one. */
export function sendProblem(res: Response, problem: PortalProblem): void {
  const retryAfter = problem.extra.retryAfterSeconds;
  if (retryAfter !== undefined) res.setHeader('Retry-After', String(retryAfter));
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem.toBody()));
}

/**
 * Turns what Express and body-parser throw into problems: malformed JSON, oversized bodies.
 * Anything else is an internal error, told without its stack or its data.
 */
export function problemFromError(error: unknown): PortalProblem {
  if (error instanceof PortalProblem) return error;
  const e = error as { type?: string; status?: number; limit?: number };
  if (e.type === 'entity.parse.failed') return new PortalProblem(400, 'MALFORMED_JSON', 'the body is not valid JSON');
  if (e.type === 'entity.too.large') return new PortalProblem(413, 'BODY_TOO_LARGE', `the body is larger than this route takes (${e.limit} bytes)`);
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') return new PortalProblem(415, 'UNSUPPORTED_ENCODING', 'send the body as UTF-8 JSON');
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) return new PortalProblem(e.status, 'BAD_REQUEST', 'the request could not be read');
  return new PortalProblem(500, 'INTERNAL_ERROR', 'the server failed to handle this request');
}
