import { z } from 'zod';
import type { Operation, Portal } from '../portal';
import { ROUTES, type Route } from './routes';
import { problemResponses, PROBLEM_COMPONENTS } from './openapi-problems';
import { RATE_LIMITED_OPERATIONS } from './rate-limit';
import { EXAMPLES } from './openapi-examples';

type JsonSchema = { $schema?: string; type?: string; properties?: Record<string, unknown>; required?: string[] };

/** A zod schema as JSON Schema 2020-12, the dialect of OpenAPI 3.1 (without its own `$schema`). */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const RATE_LIMIT_HEADERS = {
  'RateLimit-Limit': { description: 'calls a client address may make in the current minute (when the rule is on)', schema: { type: 'integer' } },
  'RateLimit-Remaining': { description: 'calls left in the current minute', schema: { type: 'integer' } },
  'RateLimit-Reset': { description: 'seconds until the minute ends', schema: { type: 'integer' } },
};

/** The success answer: its JSON Schema from the operation's own output schema, or a binary. */
function successResponse(op: Operation, rateLimited: boolean) {
  const content = 'binary' in op.output
    ? { [op.output.binary]: { schema: { type: 'string', contentMediaType: op.output.binary } } }
    : { 'application/json': { schema: jsonSchema(op.output, 'output'), ...exampleOf(op.operationId, 'response') } };
  return { description: op.summary, content, ...(rateLimited ? { headers: RATE_LIMIT_HEADERS } : {}) };
}

const exampleOf = (operationId: string, part: 'request' | 'response') => {
  const example = EXAMPLES[operationId]?.[part];
  return example === undefined ? {} : { example };
};

const SECURITY = { public: [], applicant: [{ session: [] }], admin: [{ admin: [] }] } as const;

/** One route's operation: parameters, body, every answer with its schema, codes and headers. */
function operationDoc(op: Operation, route: Route, input: JsonSchema) {
  const pathParams = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const parameters: object[] = pathParams.map((name) => ({ name, in: 'path', required: true, schema: input.properties?.[name] ?? { type: 'string' } }));
  const inBody = route.method !== 'get' && route.method !== 'delete';
  if (!inBody) {
    for (const [name, property] of Object.entries(input.properties ?? {})) {
      if (!pathParams.includes(name)) parameters.push({ name, in: 'query', required: input.required?.includes(name) ?? false, schema: property });
    }
  }
  const body = inBody ? withoutPathParams(input, pathParams) : undefined;
  // A body is required only when it must hold something: an input of no fields takes none.
  const takesBody = body !== undefined && !(body.type === 'object' && Object.keys(body.properties ?? {}).length === 0);
  const rateLimited = RATE_LIMITED_OPERATIONS.includes(op.operationId);
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: `SPEC.md ${op.section}`,
    tags: [op.access],
    security: SECURITY[op.access],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(takesBody ? {
      requestBody: {
        required: body.type !== 'object' || (body.required?.length ?? 0) > 0,
        content: { 'application/json': { schema: body, ...exampleOf(op.operationId, 'request') } },
      },
    } : {}),
    responses: {
      [String(route.status ?? 200)]: successResponse(op, rateLimited),
      ...problemResponses(op, { rateLimited }),
    },
  };
}

/** The OpenAPI 3.1 document: every route with its operationId, built from the operations' own schemas. */
export function buildOpenApi(portal: Portal) {
  const paths: Record<string, Record<string, unknown>> = {
    '/healthz': { get: HEALTH },
    '/openapi.json': { get: DOCUMENT },
  };
  for (const route of ROUTES) {
    const op = portal.operation(route.operationId);
    if (!op) continue;
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[route.method] = operationDoc(op, route, jsonSchema(op.input(portal.rules), 'input'));
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'jszg-sim portal stub',
      version: '1',
      description: 'A stub of 中国教师资格网 for simulation and load tests. Uploads are base64 JPEG strings inside JSON bodies. '
        + 'Moments are ISO 8601 in Beijing time (+08:00). Every refusal is RFC 9457 problem+json with a stable `code`; '
        + 'each operation lists its codes per status.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{
      url: 'http://{host}:{port}',
      description: '`jszg-sim serve` (default 127.0.0.1:8080)',
      variables: { host: { default: '127.0.0.1' }, port: { default: '8080' } },
    }],
    tags: [
      { name: 'public', description: 'no session: captchas, codes, sign-up, sign-in, resets, searches' },
      { name: 'applicant', description: 'a signed-in applicant (Bearer session token from login)' },
      { name: 'admin', description: 'back office and test control (Bearer admin token)' },
      { name: 'server', description: 'the server itself' },
    ],
    paths,
    components: {
      ...PROBLEM_COMPONENTS,
      securitySchemes: {
        session: { type: 'http', scheme: 'bearer', description: 'the token from login' },
        admin: { type: 'http', scheme: 'bearer', description: 'the admin token the server was started with' },
      },
    },
  };
}

function withoutPathParams(schema: JsonSchema, names: string[]): JsonSchema {
  if (names.length === 0 || !schema.properties) return schema;
  const properties = Object.fromEntries(Object.entries(schema.properties).filter(([k]) => !names.includes(k)));
  return { ...schema, properties, required: schema.required?.filter((k) => !names.includes(k)) };
}

/** What any path answers to a request the server cannot read (Node's own refusals, as problems). */
const UNREADABLE = {
  '4XX': {
    description: 'a request the server could not read (400 BAD_REQUEST, 408, 431 HEADERS_TOO_LARGE)',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  },
};

const HEALTH = {
  operationId: 'getHealth',
  summary: 'Whether the server can write: `ok`, or 503 `degraded` while its store cannot save changes (reads go on)',
  tags: ['server'],
  security: [],
  responses: {
    ...Object.fromEntries(([[200, 'ok'], [503, 'degraded']] as const).map(([status, value]) => [String(status), {
      description: value,
      content: { 'application/json': { schema: { type: 'object', properties: { status: { const: value } }, required: ['status'], additionalProperties: false } } },
    }])),
    ...UNREADABLE,
  },
};

const DOCUMENT = {
  operationId: 'getOpenApi',
  summary: 'This document',
  tags: ['server'],
  security: [],
  responses: { 200: { description: 'the OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } }, ...UNREADABLE },
};
