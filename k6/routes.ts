/**
 * The script's route table and its one HTTP call, generated from the stub's own route table
 * (stub-server/http/routes.ts), so methods and paths never drift from the stub. Every request
 * is tagged with its operationId (k6 groups metrics and thresholds by the `name` tag) and
 * checked against the status a journey expects of it.
 */
import { ROUTES } from '../stub-server/http';
import { kindRefusals, OPERATIONS, statusOf, type Operation, type ProblemCode } from '../stub-server/portal';

/**
 * The business refusals an applicant can meet at an operation, as the machines treat them:
 * outcomes (a closed window, a spent quota, a code to request again, a captcha to redo), not
 * errors. The operation's own (its `refuses`) and those of its kind; all are 4xx.
 */
function businessRefusals(op: Operation): ProblemCode[] {
  return [...(op.refuses ?? []), ...kindRefusals(op), 'RATE_LIMITED' as const].filter((code) => (statusOf(code) ?? 500) < 500);
}

/** Answers a journey takes besides the route's success: SCHOOL_EXISTS names the school to pick. */
const ALSO_EXPECTED: Readonly<Record<string, readonly number[]>> = { addSchool: [409] };

/** Route entries for the operations the journeys call; an operation the stub lacks is refused here. */
export function routeTable(operations: readonly string[]): string {
  const entries = operations.map((op) => {
    const route = ROUTES.find((r) => r.operationId === op);
    if (!route) throw new Error(`k6 export: the journeys call ${op}, which is not in stub-server/http/routes.ts`);
    const expect = [route.status ?? 200, ...(ALSO_EXPECTED[op] ?? [])];
    // Back-office and test-control operations live under /admin, behind the admin token.
    const admin = route.path.startsWith('/admin/') ? ', admin: true' : '';
    const operation = OPERATIONS.find((o) => o.operationId === op)!;
    return `  ${op}: { method: '${route.method.toUpperCase()}', path: '${route.path}', expect: ${JSON.stringify(expect)}, refuses: ${JSON.stringify(businessRefusals(operation))}${admin} },`;
  });
  return ['const ROUTES = {', ...entries, '} satisfies Record<string, Route>;', 'type Op = keyof typeof ROUTES;'].join('\n');
}

/** The request helper: path parameters from the input, the rest as query (GET, DELETE) or JSON body, as sim/clients/http.ts sends them. */
export const CALL = String.raw`
interface Route { method: string; path: string; expect: number[]; refuses: string[]; admin?: boolean }
/** Business refusals met (a closed window, a spent quota, a captcha to redo): outcomes, by operation and code. */
const REFUSALS = new Counter('business_refusals');
interface Session { token?: string; address?: string }
/** An answer with the status its operation expects, its body read as T. */
interface Answer { status: number; json<T>(): T }

function call(op: Op, input: Record<string, unknown> | unknown[] = {}, who: Session = {}): Answer | null {
  const route: Route = ROUTES[op];
  const fields: Record<string, unknown> = Array.isArray(input) ? {} : { ...input };
  const path = route.path.replace(/:(\w+)/g, (_match: string, name: string) => {
    const value = encodeURIComponent(String(fields[name]));
    delete fields[name];
    return value;
  });
  const headers: Record<string, string> = {};
  const token = route.admin ? ADMIN_TOKEN : who.token;
  if (token) headers.Authorization = 'Bearer ' + token;
  // The stub's per-client rate limits read the client's address from X-Forwarded-For: one per applicant.
  if (who.address) headers['X-Forwarded-For'] = who.address;
  let url = BASE_URL + path;
  let body: string | null = null;
  if (route.method === 'GET' || route.method === 'DELETE') {
    const query = Object.keys(fields).map((k) => encodeURIComponent(k) + '=' + encodeURIComponent(String(fields[k]))).join('&');
    if (query) url += '?' + query;
  } else {
    body = JSON.stringify(Array.isArray(input) ? input : fields);
    headers['Content-Type'] = 'application/json';
  }
  const res = http.request(route.method, url, body, { headers, tags: { name: op, operationId: op } });
  // A refusal the portal gives applicants in the course of business ends the journey as the
  // machines' outcome does, counted by its code; a check fails only for what no applicant should
  // see: a 5xx, an unknown code, a malformed answer.
  const code = res.status >= 400 && res.status < 500 ? problemCode(res) : null;
  if (code !== null && route.refuses.includes(code)) {
    REFUSALS.add(1, { operationId: op, code });
    return null;
  }
  const expected = check(res, { [op + ' answers ' + route.expect.join(' or ')]: (r) => route.expect.includes(r.status) });
  return expected ? { status: res.status, json: <T>() => res.json() as unknown as T } : null;
}

/** The problem's code of a refusal, or null when the body is not a problem. */
function problemCode(res: { body: unknown; json(): unknown }): string | null {
  try {
    const body = res.json() as { code?: unknown } | null;
    return body && typeof body.code === 'string' ? body.code : null;
  } catch {
    return null;
  }
}
`;
