/**
 * The contract check: every answer a test server sends is held to its own /openapi.json.
 * The harness watches each server it starts (`watchAnswers`); `test/contract-setup.ts` fails a
 * test file that received any answer the document does not describe: an undocumented status,
 * media type or header, a body off its schema, or a problem code the operation does not list.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

interface MediaType { schema?: object }
interface ResponseDoc { content?: Record<string, MediaType>; headers?: Record<string, { required?: boolean }> }
interface OperationDoc { operationId: string; responses: Record<string, ResponseDoc> }
export interface OpenApiDoc { paths: Record<string, Record<string, OperationDoc>>; components?: unknown }

/** An answer as it left the server. */
export interface SentAnswer { method: string; url: string; status: number; headers: Record<string, string | string[] | number | undefined>; body: Buffer }

/** What broke the contract, by file; the setup file reads and empties it after each file. */
export const violations: string[] = [];

/** Holds answers to one document: operations found by method and path, schemas compiled once. */
export class ContractChecker {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly routes: { method: string; pattern: RegExp; op: OperationDoc; pointer: string }[] = [];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(doc: OpenApiDoc) {
    addFormats.default(this.ajv);
    this.ajv.addSchema(doc as object, 'openapi');
    for (const [path, item] of Object.entries(doc.paths)) {
      // Express matches paths case-insensitively, with or without a trailing slash.
      const pattern = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}/?$`, 'i');
      for (const [method, op] of Object.entries(item)) {
        this.routes.push({ method: method.toUpperCase(), pattern, op, pointer: `#/paths/${escape(path)}/${method}` });
      }
    }
  }

  /** What is wrong with an answer (empty when it keeps the contract). */
  check(answer: SentAnswer): string[] {
    const path = answer.url.split('?')[0]!;
    const method = answer.method === 'HEAD' ? 'GET' : answer.method;
    const route = this.routes.find((r) => r.method === method && r.pattern.test(path));
    const where = `${answer.method} ${path} → ${answer.status}`;
    if (!route) return answer.status >= 400 ? this.checkUnrouted(answer, where) : [`${where}: no operation in the document`];
    const status = [String(answer.status), `${String(answer.status)[0]}XX`].find((key) => route.op.responses[key]);
    if (!status) return [`${where}: ${route.op.operationId} documents no ${answer.status}`];
    const response = route.op.responses[status]!;
    const problems: string[] = [];
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      if (header.required && answer.headers[name.toLowerCase()] === undefined) problems.push(`${where}: header ${name} missing`);
    }
    if (answer.headers['retry-after'] !== undefined && !Object.keys(response.headers ?? {}).some((h) => h.toLowerCase() === 'retry-after')) {
      problems.push(`${where}: Retry-After sent but not documented`);
    }
    if (answer.method === 'HEAD' || answer.body.length === 0) return problems;
    const type = String(answer.headers['content-type'] ?? '').split(';')[0]!.trim();
    const media = response.content?.[type];
    if (!media) return [...problems, `${where}: ${route.op.operationId} documents no ${type} answer`];
    if (!type.includes('json') || !media.schema) return problems;
    const pointer = `${route.pointer}/responses/${status}/content/${escape(type)}/schema`;
    const validate = this.validator(pointer);
    if (!validate(JSON.parse(answer.body.toString('utf8')))) {
      problems.push(`${where}: ${route.op.operationId}: ${this.ajv.errorsText(validate.errors, { separator: '; ' })}`);
    }
    return problems;
  }

  /** A refusal of a path no operation has (404, 405, a request Node refused) is still a problem. */
  private checkUnrouted(answer: SentAnswer, where: string): string[] {
    const type = String(answer.headers['content-type'] ?? '');
    if (!type.startsWith('application/problem+json')) return [`${where}: not a problem+json answer`];
    const validate = this.validator('#/components/schemas/Problem');
    return validate(JSON.parse(answer.body.toString('utf8'))) ? [] : [`${where}: ${this.ajv.errorsText(validate.errors)}`];
  }

  private validator(pointer: string): ValidateFunction {
    let validate = this.compiled.get(pointer);
    if (!validate) {
      validate = this.ajv.getSchema(`openapi${pointer}`);
      if (!validate) throw new Error(`no schema at ${pointer}`);
      this.compiled.set(pointer, validate);
    }
    return validate;
  }
}

const escape = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * Watches every answer `server` sends and records what breaks the contract. The body is taken
 * from what is written to the response, so raw and fetch clients alike are covered.
 */
export function watchAnswers(server: Server, checker: () => ContractChecker | undefined): void {
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? encoding as BufferEncoding : 'utf8'));
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => { keep(chunk, rest[0]); return write(chunk, ...rest); }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk !== undefined && typeof chunk !== 'function') keep(chunk, rest[0]);
      return end(chunk, ...rest);
    }) as typeof res.end;
    res.on('finish', () => {
      const contract = checker();
      if (!contract) return;
      const answer = { method: req.method ?? 'GET', url: req.url ?? '/', status: res.statusCode, headers: res.getHeaders(), body: Buffer.concat(chunks) };
      violations.push(...contract.check(answer));
    });
  });
}
