import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { WaitingCollector } from '../collect-while-waiting';

const MB = 2 ** 20;

describe('WaitingCollector: the coordinator\'s heap collected while the shards compute', () => {
  it('collects past the threshold, and the garbage goes', () => {
    let garbage: { i: number }[] | undefined = Array.from({ length: 1_000_000 }, (_, i) => ({ i }));
    const made = getHeapStatistics().used_heap_size;
    garbage = undefined;
    expect(garbage).toBeUndefined();
    expect(new WaitingCollector(0, 0).collect()).toBe(true);
    expect(getHeapStatistics().used_heap_size).toBeLessThan(made - 16 * MB);
  });

  it('leaves a heap within the threshold alone', () => {
    expect(new WaitingCollector(Number.MAX_SAFE_INTEGER, 0).collect()).toBe(false);
  });

  it('collects a heap that holds much besides only once enough more is in use than the last collection left', () => {
    const kept = Array.from({ length: 1_000_000 }, (_, i) => ({ i }));
    const collector = new WaitingCollector(0, 32 * MB);
    expect(collector.collect()).toBe(true);
    // What it kept is no reason to collect again, nor is a little garbage.
    let garbage: unknown[] = Array.from({ length: 10_000 }, (_, i) => ({ i }));
    expect(collector.collect()).toBe(false);
    garbage = Array.from({ length: 2_000_000 }, (_, i) => ({ i }));
    expect(garbage.length).toBe(2_000_000);
    garbage = [];
    expect(collector.collect()).toBe(true);
    expect(kept).toHaveLength(1_000_000);
  });
});
