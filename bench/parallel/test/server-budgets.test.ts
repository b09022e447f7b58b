import { describe, expect, it } from 'vitest';
import { dealOut } from '../../shared/deal';
import { serverBudgetAsks, type ServedCall } from '../server-budgets';

const call = (applicant: number, start: number, end: number): ServedCall => ({ applicant, start, end });

describe('dealOut', () => {
  it('deals every server, the remainder to the first shards', () => {
    expect(dealOut(24, 2)).toEqual([12, 12]);
    expect(dealOut(10, 4)).toEqual([3, 3, 2, 2]);
    expect(dealOut(24, 64).reduce((a, b) => a + b, 0)).toBe(24);
  });
});

describe('serverBudgetAsks', () => {
  it('needs no ask while each shard stays within its share', () => {
    // Two servers, two shards of one: applicants 0 and 1 overlap but sit in different shards.
    const count = serverBudgetAsks([call(0, 0, 10), call(1, 5, 15), call(2, 10, 20)], 2, 2);
    expect(count).toMatchObject({ budgets: [1, 1], asks: 0, peakInService: 2, peakPerShard: [1, 1] });
  });

  it('asks for each call that would take its shard past its share, though the pool has room', () => {
    // Applicants 0 and 2 share shard 0 and overlap; the pool of 4 is never full.
    const count = serverBudgetAsks([call(0, 0, 10), call(2, 5, 15), call(4, 6, 8)], 4, 2);
    expect(count).toMatchObject({ budgets: [2, 2], asks: 1, peakInService: 3, peakPerShard: [3, 0] });
  });

  it('lets a call take a server freed at the same moment without asking', () => {
    expect(serverBudgetAsks([call(0, 0, 10), call(2, 10, 20)], 2, 2).asks).toBe(0);
  });

  it('never asks with one shard holding every server unless the pool itself overflows', () => {
    const calls = [call(0, 0, 10), call(1, 1, 10), call(2, 2, 10)];
    expect(serverBudgetAsks(calls, 3, 1).asks).toBe(0);
    expect(serverBudgetAsks(calls, 2, 1).asks).toBe(1);
  });
});
