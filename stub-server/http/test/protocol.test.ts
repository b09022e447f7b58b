import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPortal } from '../../../test/harness';

let portal: TestPortal;
beforeAll(async () => { portal = await TestPortal.start(); });
afterAll(() => portal.close());

/** The operationIds API.md fixes, read from its tables (docs/API.md is a copy of ../shared/API.md). */
function apiMdOperationIds(): string[] {
  const md = readFileSync(new URL('../../../docs/API.md', import.meta.url), 'utf8');
  const ids = new Set<string>();
  for (const line of md.split('\n')) {
    const cell = /^\| ([a-zA-Z /]+) \|/.exec(line)?.[1];
    if (!cell || cell === 'operationId') continue;
    for (const id of cell.split('/')) ids.add(id.trim());
  }
  return [...ids];
}

describe('the HTTP contract (API.md)', () => {
  it('publishes every operationId of API.md in /openapi.json', async () => {
    const doc: any = await (await fetch(`${portal.url}/openapi.json`)).json();
    expect(doc.openapi).toMatch(/^3\.1/);
    const published = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>)
      .flatMap((methods) => Object.values(methods).map((m) => m.operationId));
    const wanted = apiMdOperationIds();
    expect(wanted.length).toBeGreaterThan(40);
    expect(wanted.filter((id) => !published.includes(id))).toEqual([]);
    expect(new Set(published).size).toBe(published.length);
  });

  it('answers health', async () => {
    expect(await (await fetch(`${portal.url}/healthz`)).json() as unknown).toEqual({ status: 'ok' });
  });

  it('answers malformed JSON with a 400 problem, without a stack', async () => {
    const res = await fetch(`${portal.url}/api/sms-codes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"phone": ' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body: any = await res.json();
    expect(body).toMatchObject({ status: 400, code: 'MALFORMED_JSON' });
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('refuses an oversized body with 413 and a non-JSON body with 415', async () => {
    const big = await fetch(`${portal.url}/api/sms-codes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: 'x'.repeat(100_000) }) });
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).code).toBe('BODY_TOO_LARGE');
    const text = await fetch(`${portal.url}/api/sms-codes`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'phone=1' });
    expect(text.status).toBe(415);
  });

  it('answers an unknown path with a 404 problem', async () => {
    const res = await fetch(`${portal.url}/api/nothing-here`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).code).toBe('NOT_FOUND');
  });

  it('answers a known path asked with another method with 405 and the methods it takes', async () => {
    const res = await fetch(`${portal.url}/api/me/registrations/X1`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, PATCH');
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await res.json()) as any).code).toBe('METHOD_NOT_ALLOWED');
    const health = await fetch(`${portal.url}/healthz`, { method: 'POST' });
    expect([health.status, health.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });

  it('keeps admin operations behind the admin token: 401 without, 403 with a wrong one', async () => {
    expect((await portal.call('getStats')).status).toBe(401);
    expect((await portal.call('getStats', {}, 'wrong')).status).toBe(403);
    const applicant = await portal.signUp();
    expect((await portal.call('readOutbox', {}, applicant.token)).status).toBe(403);
    const stats = await portal.admin('getStats');
    expect(stats.status).toBe(200);
    expect(stats.body.held.accounts).toBeGreaterThan(0);
  });

  it('lists wrong field types as 422 field errors', async () => {
    const res = await portal.call('registerAccount', { idType: 'passport', idNumber: 12, agreementAccepted: 'yes' });
    expect(res.status).toBe(422);
    const byField = Object.fromEntries(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]));
    expect(byField).toMatchObject({ idType: 'INVALID_VALUE', idNumber: 'INVALID_TYPE', name: 'REQUIRED', agreementAccepted: 'INVALID_TYPE' });
  });

  it('sets and advances a settable clock', async () => {
    const set = await portal.admin('setClock', { now: '2026-10-01T00:00:00+08:00' });
    expect(set.body.now).toBe('2026-10-01T00:00:00.000+08:00');
    expect((await portal.admin('setClock', { advanceMs: -60_000 })).body.now).toBe('2026-09-30T23:59:00.000+08:00');
  });
});
