import { describe, expect, it } from 'vitest';
import { backendShareAsks, type BackendUse } from '../backend-shares';

const HOUR = 3_600_000;
const use = (applicant: number, at: number): BackendUse => ({ applicant, at });

describe('backendShareAsks', () => {
  it('needs no ask while each shard stays within its share of every hour', () => {
    // 4 an hour over 2 shards: 2 each; each shard uses 2 in hour 0 and 2 in hour 1.
    const uses = [use(0, 0), use(2, 10), use(1, 20), use(3, 30), use(0, HOUR), use(2, HOUR + 1), use(1, HOUR + 2), use(3, HOUR + 3)];
    expect(backendShareAsks(uses, 4, 2)).toBe(0);
  });

  it('counts the uses past a shard’s share, though the backend as a whole has room', () => {
    // Shard 0 makes 3 uses in one hour with a share of 2: one ask; the whole (4) is not full.
    expect(backendShareAsks([use(0, 0), use(2, 1), use(4, 2)], 4, 2)).toBe(1);
    // On one shard, the share is the whole: the same uses need none.
    expect(backendShareAsks([use(0, 0), use(2, 1), use(4, 2)], 4, 1)).toBe(0);
  });

  it('starts every clock hour afresh', () => {
    expect(backendShareAsks([use(0, HOUR - 1), use(0, HOUR - 1), use(0, HOUR), use(0, HOUR)], 2, 1)).toBe(0);
    expect(backendShareAsks([use(0, HOUR - 1), use(0, HOUR - 1), use(0, HOUR - 1)], 2, 1)).toBe(1);
  });
});
