import { ROUTES, type Route } from '../../stub-server/http';
import type { CallOptions, PortalAnswer, PortalClient } from './client';

const BY_ID = new Map(ROUTES.map((r) => [r.operationId, r]));

/**
 * Calls any server implementing API.md over HTTP (Node's fetch keeps connections alive).
 * Path parameters are taken from the input; GET and DELETE send the rest as the query.
 * A connection failure or timeout answers status 0, so callers see "the portal is down".
 */
export class HttpClient implements PortalClient {
  constructor(readonly baseUrl: string, private readonly adminToken = '', private readonly timeoutMs = 30_000) {}

  async call(operationId: string, input: unknown = {}, options: CallOptions = {}): Promise<PortalAnswer> {
    const route = BY_ID.get(operationId);
    if (!route) throw new Error(`no route for operation ${operationId}`);
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.address) headers['x-forwarded-for'] = options.address;
    const { path, body } = httpRequest(route, input);
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      const res = await fetch(this.baseUrl + path, { method: route.method.toUpperCase(), headers, body, signal: AbortSignal.timeout(this.timeoutMs) });
      const type = res.headers.get('content-type') ?? '';
      const payload = type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer());
      const retryAfter = res.headers.get('retry-after');
      return { status: res.status, body: payload, ...(retryAfter ? { retryAfter: Number(retryAfter) } : {}) };
    } catch (error) {
      return { status: 0, body: { code: (error as Error).name === 'TimeoutError' ? 'TIMEOUT' : 'CONNECTION_FAILED' } };
    }
  }

  admin(operationId: string, input: unknown = {}): Promise<PortalAnswer> {
    return this.call(operationId, input, { token: this.adminToken });
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
