/**
 * A run over many cores cannot issue the portal's shared numbers in time order without a meeting
 * of its shards for each (docs/parallel-runs.md): application numbers, the ids of schools
 * applicants add, manual reviews' ids. It need not, if those numbers are only keys: this test
 * holds the run to that. It issues every one of them out of order (a scrambling of the sequence
 * that keeps the numbers' width), and the per-applicant sequences (messages, sessions) with gaps
 * as a shard's own counter would, and asks for the same report.json, byte for byte.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scenarioByName } from '../../../scenarios';
import { Table } from '../../../stub-server/store';
import { runScenario } from '..';

afterEach(() => { vi.restoreAllMocks(); });

/** Largest primes below 10^8 and 10^6: k ↦ (a k + b) mod p is one-to-one on 1…p−1 and keeps the width. */
const scramble = (p: number) => (k: number) => (k * 7919 + 104_729) % p;
const ISSUED: [RegExp, (k: number) => number][] = [
  [/^application\|/, scramble(99_999_989)],
  [/^manualReview$/, scramble(99_999_989)],
  [/^school$/, scramble(999_983)],
  // Ordered within one applicant's rows only: rising, with gaps.
  [/^(outbox|session)$/, (k) => 3 * k + 1000],
];

/**
 * Portal sequences give `get(name) + 1` and then `set` it (PortalContext.nextSeq): each name's
 * k-th number becomes issue(k), the true count kept here.
 */
function issueOutOfOrder(): ReadonlySet<string> {
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  const issue = (name: string) => ISSUED.find(([re]) => re.test(name))?.[1];
  const { get, set } = Table.prototype;
  vi.spyOn(Table.prototype, 'get').mockImplementation(function (this: Table<unknown>, key: string) {
    const f = this.name === 'sequences' ? issue(key) : undefined;
    return f ? f((counts.get(key) ?? 0) + 1) - 1 : get.call(this, key);
  });
  vi.spyOn(Table.prototype, 'set').mockImplementation(function (this: Table<unknown>, key: string, row: unknown) {
    if (this.name === 'sequences' && issue(key)) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
      seen.add(key.split('|')[0]!);
    }
    set.call(this, key, row);
  });
  return seen;
}

describe("the portal's shared numbers are keys only", () => {
  for (const [name, applicants] of [['review-backlog', 600], ['national-season', 1500]] as const) {
    it(`${name}: the same report.json when they are issued out of time order`, async () => {
      const scenario = scenarioByName(name);
      const plain = JSON.stringify((await runScenario(scenario, { applicants })).report);
      const names = issueOutOfOrder();
      const scrambled = JSON.stringify((await runScenario(scenario, { applicants })).report);
      expect([...names].sort()).toEqual(['application', 'manualReview', 'outbox', 'school', 'session']);
      expect(scrambled).toBe(plain);
    }, 120_000);
  }
});
