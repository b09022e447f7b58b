import type { IncomingHttpHeaders } from 'node:http';
import { Pool, type Dispatcher } from 'undici';
import { ROUTES, type Route } from '../../stub-server/http';
import type { CallOptions, PortalAnswer, PortalClient } from './client';

const BY_ID = new Map(ROUTES.map((r) => [r.operationId, r]));
/** undici's names for a connect, headers or body timeout; any other failure is a failed connection. */
const TIMEOUTS = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

export interface HttpClientOptions {
  /** Connections to the server at most (default: as many as calls in flight). */
  connections?: number;
}

/**
 * Calls any server implementing API.md over HTTP, through one undici pool of keep-alive
 * connections to the base URL's origin. Answers are taken from undici's dispatcher directly, not
 * through fetch or a body stream: per call, that is most of a load generator's own cost.
 * Path parameters are taken from the input; GET and DELETE send the rest as the query.
 * A connection failure or timeout answers status 0, so callers see "the portal is down".
 */
export class HttpClient implements PortalClient {
  private readonly pool: Pool;
  /** The base URL's path, put before every operation's path. */
  private readonly prefix: string;

  constructor(readonly baseUrl: string, private readonly adminToken = '', timeoutMs = 30_000, options: HttpClientOptions = {}) {
    const url = new URL(baseUrl);
    this.prefix = url.pathname.replace(/\/$/, '');
    // Pipelining 1: a slow answer must not hold up the calls queued behind it on its connection.
    this.pool = new Pool(url.origin, {
      connections: options.connections ?? null, pipelining: 1,
      connectTimeout: timeoutMs, headersTimeout: timeoutMs, bodyTimeout: timeoutMs,
    });
  }

  call(operationId: string, input: unknown = {}, options: CallOptions = {}): Promise<PortalAnswer> {
    const route = BY_ID.get(operationId);
    if (!route) return Promise.reject(new Error(`no route for operation ${operationId}`));
    // Not async: one promise a call, settled by the handler. undici hands a failed dispatch to it too.
    return new Promise((resolve) => {
      const headers: Record<string, string> = {};
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (options.address) headers['x-forwarded-for'] = options.address;
      const { path, body } = httpRequest(route, input);
      if (body !== undefined) headers['content-type'] = 'application/json';
      this.pool.dispatch({ path: this.prefix + path, method: route.method.toUpperCase() as Dispatcher.HttpMethod, headers, body }, new Exchange(resolve));
    });
  }

  admin(operationId: string, input: unknown = {}): Promise<PortalAnswer> {
    return this.call(operationId, input, { token: this.adminToken });
  }

  /** Closes the connections once the calls in flight are answered. */
  close(): Promise<void> {
    return this.pool.close();
  }
}

/** Where and what to send for an operation: path parameters from the input, the rest as query or JSON body. */
export function httpRequest(route: Route, input: unknown): { path: string; body?: string } {
  if (Array.isArray(input)) return { path: route.path, body: JSON.stringify(input) };
  const fields = { ...(input as Record<string, unknown>) };
  let path = route.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = encodeURIComponent(String(fields[name]));
    delete fields[name];
    return value;
  });
  if (route.method === 'get' || route.method === 'delete') {
    const query = new URLSearchParams(Object.entries(fields).map(([k, v]): [string, string] => [k, String(v)])).toString();
    return { path: query ? `${path}?${query}` : path };
  }
  return { path, body: JSON.stringify(fields) };
}

/** One call's answer as undici's dispatcher hands it over: status and headers, then the body in chunks. */
class Exchange implements Dispatcher.DispatchHandler {
  private status = 0;
  private json = false;
  private retryAfter: string | string[] | undefined;
  private readonly chunks: Buffer[] = [];

  constructor(private readonly done: (answer: PortalAnswer) => void) {}

  onRequestStart(): void {}

  onResponseStart(_: unknown, statusCode: number, headers: IncomingHttpHeaders): void {
    this.status = statusCode;
    this.json = String(headers['content-type'] ?? '').includes('json');
    this.retryAfter = headers['retry-after'];
  }

  onResponseData(_: unknown, chunk: Buffer): void {
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    const bytes = Buffer.concat(this.chunks);
    let body: unknown;
    try {
      body = this.json ? JSON.parse(bytes.toString('utf8')) : bytes;
    } catch {
      this.done({ status: 0, body: { code: 'CONNECTION_FAILED' } }); // as fetch's json() refusing a broken body
      return;
    }
    this.done({ status: this.status, body, ...(this.retryAfter ? { retryAfter: Number(this.retryAfter) } : {}) });
  }

  onResponseError(_: unknown, error: Error): void {
    this.done({ status: 0, body: { code: TIMEOUTS.has((error as { code?: string }).code ?? '') ? 'TIMEOUT' : 'CONNECTION_FAILED' } });
  }
}
