import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { collectWhileWaiting } from '../collect-while-waiting';

describe('collectWhileWaiting: the coordinator\'s heap collected while the shards compute', () => {
  it('collects past the threshold, and the garbage goes', () => {
    let garbage: { i: number }[] | undefined = Array.from({ length: 1_000_000 }, (_, i) => ({ i }));
    const made = getHeapStatistics().used_heap_size;
    garbage = undefined;
    expect(garbage).toBeUndefined();
    expect(collectWhileWaiting(0)).toBe(true);
    expect(getHeapStatistics().used_heap_size).toBeLessThan(made - 16 * 2 ** 20);
  });

  it('leaves a heap within the threshold alone', () => {
    expect(collectWhileWaiting(Number.MAX_SAFE_INTEGER)).toBe(false);
  });
});
