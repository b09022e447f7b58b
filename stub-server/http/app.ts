import { createHash, timingSafeEqual } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import express, { type NextFunction, type Request, type Response } from 'express';
import {
  BinaryResult, INJECTED_CODES, Portal, PortalProblem, injectedProblem, resolved, withFaultScope, type Caller, type Operation,
} from '../portal';
import type { Store } from '../store';
import { ROUTES, type Route } from './routes';
import { buildOpenApi } from './openapi';
import { problemFromError, sendProblem } from './problem-response';
import { RateLimits } from './rate-limit';

export interface AppOptions {
  portal: Portal;
  store: Store;
  /** Admin operations need `Authorization: Bearer <adminToken>`. */
  adminToken: string;
  /** Called with one line per internal error: no stack, no personal data. */
  log?: (line: string) => void;
}

const bearer = (req: Request) => /^Bearer (\S+)$/.exec(req.get('authorization') ?? '')?.[1];

/** The Express app: thin routes onto the portal, problem+json errors, the OpenAPI document. */
export function createApp({ portal, store, adminToken, log = () => {} }: AppOptions) {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  // Load generators give each synthetic applicant its own address through X-Forwarded-For.
  app.set('trust proxy', true);
  const openapi = buildOpenApi(portal);
  const { jsonBodyBytes, uploadBodyBytes, bulkBodyBytes } = portal.rules.limits;
  const parser = (limit: number) => express.json({ limit, type: ['application/json', 'application/*+json'] });
  const bodyParsers = { json: parser(jsonBodyBytes), upload: parser(uploadBodyBytes), bulk: parser(bulkBodyBytes) };
  const rateLimits = new RateLimits(portal.rules.rateLimits, portal.ctx.clock);

  // 503 while the store cannot write; reads go on meanwhile, and it recovers by itself.
  app.get('/healthz', (_req, res, next) => {
    store.health().then((status) => res.status(status === 'ok' ? 200 : 503).json({ status }), next);
  });
  app.get('/openapi.json', (_req, res) => { res.json(openapi); });

  for (const route of ROUTES) {
    const op = portal.operation(route.operationId);
    if (!op) continue;
    const admin = op.access === 'admin';
    app[route.method](route.path, bodyParsers[route.body ?? 'json'], async (req, res, next) => {
      try {
        if (admin) checkAdmin(req, adminToken);
        if (req.body === undefined && hasBody(req)) {
          throw new PortalProblem(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json');
        }
        const caller: Caller = { token: admin ? undefined : bearer(req), address: req.ip };
        const rateHeaders = await frontDoor(portal, rateLimits, op, caller);
        if (rateHeaders) res.set(rateHeaders);
        // A lazy answer (built when read, for the in-process client) is built here: HTTP sends it all.
        const result = await resolved(await invokeDurably(portal, store, route, inputOf(req), caller));
        if (result instanceof BinaryResult) {
          res.status(200).type(result.contentType);
          if (result.filename) res.attachment(result.filename);
          res.send(result.body);
        } else {
          res.status(route.status ?? 200).json(result);
        }
      } catch (error) {
        next(error);
      }
    });
  }

  // A known path asked with another method: 405 and the methods it takes, as RFC 9110 asks.
  for (const [path, methods] of methodsByPath()) {
    app.all(path, (req, res, next) => {
      res.set('allow', methods.join(', '));
      next(new PortalProblem(405, 'METHOD_NOT_ALLOWED', `${req.path} takes ${methods.join(', ')}, not ${req.method}`));
    });
  }
  app.use((req, _res, next) => next(new PortalProblem(404, 'NOT_FOUND', `no operation at ${req.method} ${req.path}`)));
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const problem = problemFromError(error);
    // Injected faults are answers asked for, not internal errors: a load run's faults do not flood the log.
    if (problem.status >= 500 && !INJECTED_CODES.has(problem.code)) log(`internal error: ${(error as Error)?.name ?? 'unknown'}`);
    sendProblem(res, problem);
  });
  return app;
}

/** Every path the app answers, with its methods (upper case, GET also answering HEAD). */
function methodsByPath(): Map<string, string[]> {
  const byPath = new Map<string, string[]>([['/healthz', ['GET', 'HEAD']], ['/openapi.json', ['GET', 'HEAD']]]);
  for (const { path, method } of ROUTES) {
    const methods = byPath.get(path) ?? [];
    methods.push(...(method === 'get' ? ['GET', 'HEAD'] : [method.toUpperCase()]));
    byPath.set(path, methods);
  }
  return byPath;
}

/**
 * What a call meets before the portal: the operation's injected outage, the per-address rate
 * limit, the injected latency (a real timer: other requests go on meanwhile) and injected
 * error. A call refused here never reaches the portal, so it consumes nothing.
 */
async function frontDoor(portal: Portal, rateLimits: RateLimits, op: Operation, caller: Caller): Promise<Record<string, string> | undefined> {
  const { ctx } = portal;
  const decision = ctx.faults.decide(op.operationId, op.access, ctx.now());
  const injected = injectedProblem(op.operationId, decision);
  if (decision.kind === 'outage') throw ctx.refused(injected!);
  let rateHeaders: Record<string, string> | undefined;
  try {
    rateHeaders = rateLimits.check(op.operationId, caller.address);
  } catch (error) {
    throw ctx.refused(error as PortalProblem);
  }
  if (decision.delayMs > 0) await sleep(decision.delayMs);
  if (injected) throw ctx.refused(injected);
  return rateHeaders;
}

/**
 * Runs an operation and waits until its changes are durable, also when it refused: a refusal
 * may have counted something (a wrong password, a quota) that must survive a crash. The delay
 * of a slow backend (injected) that the operation used is waited out before answering.
 */
async function invokeDurably(portal: Portal, store: Store, route: Route, input: unknown, caller: Caller): Promise<unknown> {
  let result: unknown;
  let failure: unknown;
  // Noted before anything changes: if a failed write rolls the store back meanwhile, so are these changes.
  const epoch = store.epoch;
  const { delayMs, outcome } = await withFaultScope(() => portal.invoke(route.operationId, input, caller));
  if (outcome.status === 'fulfilled') result = outcome.value;
  else failure = outcome.reason;
  if (delayMs > 0) await sleep(delayMs);
  try {
    await store.commit(epoch);
  } catch {
    throw new PortalProblem(503, 'STORE_UNAVAILABLE', 'the change could not be saved, so it was not applied; try again');
  }
  if (failure !== undefined) throw failure;
  return result;
}

function checkAdmin(req: Request, adminToken: string): void {
  const token = bearer(req);
  if (!token) throw new PortalProblem(401, 'ADMIN_TOKEN_REQUIRED', 'admin operations need Authorization: Bearer <admin token>');
  if (!sameSecret(token, adminToken)) throw new PortalProblem(403, 'ADMIN_TOKEN_INVALID', 'this is not the admin token');
}

/** Compares in constant time; digests first, so the lengths do not show either. */
function sameSecret(given: string, secret: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(secret));
}

function hasBody(req: Request): boolean {
  return Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
}

/** A bare array body (seed operations) is the input itself; otherwise query, body and path merge. */
function inputOf(req: Request): unknown {
  if (Array.isArray(req.body)) return req.body;
  return { ...(req.query as Record<string, unknown>), ...(req.body ?? {}), ...req.params };
}
