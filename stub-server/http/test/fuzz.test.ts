/**
 * Property-based tests over every operation of routes.ts, at HTTP level: valid bodies with
 * fields dropped, replaced by anything (wrong types, huge strings, rare characters, NUL) or
 * added, and arbitrary JSON; with the right token, none, a garbage one or the wrong kind.
 * Every answer is < 500 and well formed, and the state's invariants hold after each run.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../routes';
import { ADMIN, TestPortal } from '../../../test/harness';
import {
  clearFaults, exchange, expectInvariants, expectWellFormed, mutate, mutation, nastyValue, requestFor, routeOf, SEED,
} from '../../../test/fuzz-fixtures';
import { buildWorld, keepSessions, templates, tokenFor, type TokenKind, type World } from '../../../test/fuzz-world';

const START = '2026-09-14T10:00:00+08:00';
let portal: TestPortal;
let world: World;
let make: Record<string, () => Promise<unknown>>;
beforeAll(async () => {
  portal = await TestPortal.start({ now: START });
  world = await buildWorld(portal);
  make = templates(portal, world);
}, 60_000);
afterAll(() => portal.close());

const tokenKind: fc.Arbitrary<TokenKind> = fc.constantFrom<TokenKind>('right', 'right', 'right', 'right', 'none', 'garbage', 'wrong');
const garbageToken = fc.oneof(fc.constantFrom('constructor', '__proto__', 'toString', 'undefined', 'null', ''), fc.stringMatching(/^[\x21-\x7e]{1,80}$/));
/** Statuses answered per operation with the right token, to show the fuzz got behind authentication. */
const seen = new Map<string, Set<number>>();

async function run(operationId: string, body: unknown, kind: TokenKind, who: number, garbage: string): Promise<void> {
  const token = tokenFor(portal, world, operationId, kind, who, garbage);
  const answer = await exchange(portal.url, requestFor(routeOf(operationId), body, token));
  expectWellFormed(answer);
  if (kind === 'right') seen.set(operationId, (seen.get(operationId) ?? new Set()).add(answer.status));
  if (operationId === 'setFaults') await clearFaults(portal.url);
  if (portal.clock.now() !== Date.parse(START)) await canaries();
  // A fuzzed setClock or logout must not spoil the next run's fixtures.
  portal.clock.set(Date.parse(START));
  keepSessions(portal, world);
  await expectInvariants(portal);
}

const operationIds = ROUTES.map((r) => r.operationId);

/** Wherever a fuzzed setClock left the clock, date-bound operations still answer well. */
async function canaries(): Promise<void> {
  const { A, C } = world;
  const calls: [string, unknown, string | undefined][] = [
    ['getCaptcha', {}, undefined], ['getStats', {}, ADMIN], ['getManualReview', {}, C.token], ['listMyRegistrations', {}, A.token],
    ['getApplicationForm', { applicationNumber: A.applicationNumber }, A.token], ['searchRegistrationWindows', { province: '35' }, undefined],
  ];
  for (const [id, body, token] of calls) expectWellFormed(await exchange(portal.url, requestFor(routeOf(id), body, token)));
}

describe('fuzzing every operation (mutated valid bodies)', () => {
  it.each(operationIds)('%s', async (operationId) => {
    await fc.assert(fc.asyncProperty(mutation, tokenKind, fc.nat(), garbageToken, async (m, kind, who, garbage) => {
      await run(operationId, mutate(await make[operationId]!(), m), kind, who, garbage);
    }), { seed: SEED, numRuns: 20 });
  });

  it('reached every operation behind its authentication, beyond 401 and 403', () => {
    for (const id of operationIds) {
      const statuses = [...(seen.get(id) ?? [])];
      expect(statuses.filter((s) => s !== 401 && s !== 403), id).not.toEqual([]);
    }
  });
});

describe('fuzzing every operation (arbitrary bodies)', () => {
  const anyBody = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.dictionary(fc.string({ maxLength: 20 }), nastyValue, { maxKeys: 6 }),
    fc.array(fc.dictionary(fc.string({ maxLength: 10 }), nastyValue, { maxKeys: 4 }), { maxLength: 3 }),
  );
  it.each(operationIds)('%s', async (operationId) => {
    await fc.assert(fc.asyncProperty(anyBody, tokenKind, fc.nat(), garbageToken, async (body, kind, who, garbage) => {
      await run(operationId, body, kind, who, garbage);
    }), { seed: SEED, numRuns: 8 });
  });
});

describe('the fixtures survive the fuzz', () => {
  it('still holds the first applicant’s application and sessions', async () => {
    const me = await portal.call('getMe', {}, world.A.token);
    expect(me.status).toBe(200);
    const list = await exchange(portal.url, requestFor(routeOf('listMyRegistrations'), {}, world.A.token));
    expect(list.json.map((r: { applicationNumber: string }) => r.applicationNumber)).toContain(world.A.applicationNumber);
  });
});
