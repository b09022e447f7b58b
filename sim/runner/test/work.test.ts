import { describe, expect, it } from 'vitest';
import { WorkTracker } from '../work';

const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 5));

describe('WorkTracker', () => {
  it('drains work that starts more work, and every waiter wakes', async () => {
    const work = new WorkTracker();
    const done: string[] = [];
    work.track(later('a').then((a) => { done.push(a); work.track(later('b').then((b) => { done.push(b); })); }));
    expect(work.busy).toBe(true);
    await Promise.all([work.drain(), work.drain()]);
    expect(done).toEqual(['a', 'b']);
    expect(work.busy).toBe(false);
    await work.drain(); // nothing pending: returns at once
  });

  it('rethrows the first failure once drained', async () => {
    const work = new WorkTracker();
    work.track(Promise.reject(new Error('first')));
    work.track(later(1).then(() => { throw new Error('second'); }));
    await expect(work.drain()).rejects.toThrow('first');
  });
});
