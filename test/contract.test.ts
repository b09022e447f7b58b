import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApi } from '../stub-server/http';
import { ContractChecker, type OpenApiDoc, type SentAnswer } from './contract';
import { TestPortal } from './harness';

/** The contract check itself: a wrong answer is caught, a right one passes. */
describe('the contract check of every answer (test/contract.ts)', () => {
  let portal: TestPortal;
  let checker: ContractChecker;
  beforeAll(async () => {
    portal = await TestPortal.start();
    checker = new ContractChecker(buildOpenApi(portal.server.portal) as OpenApiDoc);
  });
  afterAll(() => portal.close());

  const json = (method: string, url: string, status: number, body: unknown, headers: Record<string, string> = {}): SentAnswer => ({
    method, url, status, body: Buffer.from(JSON.stringify(body)),
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8', ...headers },
  });
  const problem = (status: number, code: string) => ({ type: 'https://x/y', title: 't', status, detail: 'd', code });

  it('passes a real answer, taken from the server', async () => {
    const answer = await portal.call('getCaptcha');
    expect(checker.check(json('POST', '/api/captchas', 200, answer.body))).toEqual([]);
  });

  it('catches a body off its schema: a wrong type, a missing field, an undocumented field, a UTC moment', async () => {
    const good = (await portal.call('getCaptcha')).body;
    const cases = [
      { ...good, targetX: '158' },
      { ...good, id: undefined },
      { ...good, extra: 1 },
      { ...good, expiresAt: '2026-09-14T02:02:00.000Z' },
    ];
    for (const body of cases) expect(checker.check(json('POST', '/api/captchas', 200, body)), JSON.stringify(body)).toHaveLength(1);
  });

  it('catches an undocumented status, a code the operation does not list, and a 429 without Retry-After', () => {
    expect(checker.check(json('GET', '/admin/faults', 409, problem(409, 'ACCOUNT_EXISTS')))[0]).toMatch(/documents no 409/);
    // Any other status may be an injected fault (4XX, 5XX), but then its code says so.
    expect(checker.check(json('POST', '/api/captchas', 409, problem(409, 'ACCOUNT_EXISTS')))[0]).toMatch(/code must be equal to one of the allowed values/);
    expect(checker.check(json('POST', '/api/accounts', 409, problem(409, 'SCHOOL_EXISTS')))[0]).toMatch(/code must be equal to one of the allowed values/);
    expect(checker.check(json('POST', '/api/sms-codes', 429, problem(429, 'SMS_DAILY_QUOTA_EXCEEDED')))[0]).toMatch(/Retry-After missing/);
    expect(checker.check(json('POST', '/api/sms-codes', 429, problem(429, 'SMS_DAILY_QUOTA_EXCEEDED'), { 'retry-after': '60' }))).toEqual([]);
  });

  it('catches an answer of a path no operation has, unless it is a problem', () => {
    expect(checker.check(json('GET', '/api/nothing', 200, {}))[0]).toMatch(/no operation/);
    expect(checker.check(json('GET', '/api/nothing', 404, problem(404, 'NOT_FOUND')))).toEqual([]);
  });
});
