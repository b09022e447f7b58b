/**
 * The script's route table and its one HTTP call, generated from the stub's own route table
 * (stub-server/http/routes.ts), so methods and paths never drift from the stub. Every request
 * is tagged with its operationId (k6 groups metrics and thresholds by the `name` tag) and
 * checked against the status a journey expects of it.
 */
import { ROUTES } from '../stub-server/http/routes';

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
    return `  ${op}: { method: '${route.method.toUpperCase()}', path: '${route.path}', expect: ${JSON.stringify(expect)}${admin} },`;
  });
  return ['const ROUTES = {', ...entries, '} satisfies Record<string, Route>;', 'type Op = keyof typeof ROUTES;'].join('\n');
}

/** The request helper: path parameters from the input, the rest as query (GET, DELETE) or JSON body, as sim/clients/http.ts sends them. */
export const CALL = String.raw`
interface Route { method: string; path: string; expect: number[]; admin?: boolean }
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
  const expected = check(res, { [op + ' answers ' + route.expect.join(' or ')]: (r) => route.expect.includes(r.status) });
  return expected ? { status: res.status, json: <T>() => res.json() as unknown as T } : null;
}
`;
