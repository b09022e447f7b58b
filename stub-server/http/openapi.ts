import { z } from 'zod';
import type { Portal } from '../portal';
import { ROUTES } from './routes';

const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' },
    code: { type: 'string', description: 'stable upper-snake code' },
    errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } } } },
  },
};

/** The OpenAPI 3.1 document: every route with its operationId, built from the operations' own schemas. */
export function buildOpenApi(portal: Portal) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    const op = portal.operation(route.operationId);
    if (!op) continue;
    const schema = z.toJSONSchema(op.input(portal.rules), { io: 'input', unrepresentable: 'any' }) as {
      type?: string; properties?: Record<string, unknown>; required?: string[];
    };
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const pathParams = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    const parameters = pathParams.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
    const inBody = route.method !== 'get' && route.method !== 'delete';
    if (!inBody) {
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        if (!pathParams.includes(name)) parameters.push({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: property as never });
      }
    }
    const status = String(route.status ?? 200);
    (paths[path] ??= {})[route.method] = {
      operationId: route.operationId,
      summary: op.summary,
      description: `SPEC.md ${op.section}`,
      tags: [op.access],
      ...(op.access === 'applicant' ? { security: [{ session: [] }] } : op.access === 'admin' ? { security: [{ admin: [] }] } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(inBody ? { requestBody: { required: true, content: { 'application/json': { schema: stripPathParams(schema, pathParams) } } } } : {}),
      responses: {
        [status]: route.operationId === 'getApplicationForm'
          ? { description: 'the application form', content: { 'application/pdf': {} } }
          : { description: 'success', content: { 'application/json': { schema: {} } } },
        default: { description: 'a problem (RFC 9457)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'jszg-sim portal stub',
      version: '1',
      description: 'A stub of 中国教师资格网 for simulation and load tests. Uploads are base64 JPEG strings inside JSON bodies.',
    },
    paths,
    components: {
      schemas: { Problem: problemSchema },
      securitySchemes: {
        session: { type: 'http', scheme: 'bearer', description: 'the token from login' },
        admin: { type: 'http', scheme: 'bearer', description: 'the admin token the server was started with' },
      },
    },
  };
}

function stripPathParams(schema: { properties?: Record<string, unknown>; required?: string[] }, names: string[]) {
  if (names.length === 0 || !schema.properties) return schema;
  const properties = Object.fromEntries(Object.entries(schema.properties).filter(([k]) => !names.includes(k)));
  return { ...schema, properties, required: schema.required?.filter((k) => !names.includes(k)) };
}
