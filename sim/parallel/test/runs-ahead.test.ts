import { describe, expect, it } from 'vitest';
import { RunsAhead } from '..';

/** Runs that finish when the test says: which started, in order, and how many at once. */
function controlled() {
  const order: string[] = [];
  const finish = new Map<string, { resolve: (v: string) => void; reject: (e: Error) => void }>();
  let running = 0;
  let most = 0;
  const start = (key: string) => {
    order.push(key);
    most = Math.max(most, ++running);
    return new Promise<string>((resolve, reject) => finish.set(key, { resolve, reject })).finally(() => { running -= 1; });
  };
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  return { order, start, tick, most: () => most, end: async (key: string, error?: Error) => {
    if (error) finish.get(key)!.reject(error);
    else finish.get(key)!.resolve(`report of ${key}`);
    await tick();
  } };
}

describe('runs ahead of need', () => {
  it('starts what is needed first, guesses only on idle threads, and never more than its threads', async () => {
    const c = controlled();
    const runs = new RunsAhead(2, c.start);
    runs.guess(['g1', 'g2']);
    expect(c.order).toEqual(['g1', 'g2']); // idle threads take the guesses
    const a = runs.need('a');
    const b = runs.need('b');
    expect(c.order).toEqual(['g1', 'g2']); // both threads busy: the needed wait
    await c.end('g1');
    expect(c.order).toEqual(['g1', 'g2', 'a']); // a freed thread takes a needed run before any guess
    runs.guess(['g3']);
    await c.end('g2');
    expect(c.order).toEqual(['g1', 'g2', 'a', 'b']);
    await c.end('a');
    expect(c.order).toEqual(['g1', 'g2', 'a', 'b', 'g3']);
    await c.end('b');
    await expect(Promise.all([a, b])).resolves.toEqual(['report of a', 'report of b']);
    expect(c.most()).toBe(2);
  });

  it('uses a guessed run when it is needed, started once, and drops guesses replaced before they start', async () => {
    const c = controlled();
    const runs = new RunsAhead(1, c.start);
    runs.guess(['x', 'y', 'z']);
    runs.guess(['z', 'x']); // x already started: only z stays guessed; y is dropped
    const x = runs.need('x');
    const again = runs.need('x');
    await c.end('x');
    expect(await x).toBe('report of x');
    expect(await again).toBe('report of x');
    await c.end('z');
    expect(c.order).toEqual(['x', 'z']);
    expect(runs.startedCount).toBe(2);
  });

  it("gives a guessed run's failure to whoever needs it, and drops it when nobody does", async () => {
    const c = controlled();
    const runs = new RunsAhead(2, c.start);
    runs.guess(['bad', 'unneeded']);
    const bad = runs.need('bad');
    await c.end('bad', new Error('rules refused'));
    await expect(bad).rejects.toThrow('rules refused');
    await c.end('unneeded', new Error('nobody asked')); // no unhandled rejection fails the test
    expect(c.order).toEqual(['bad', 'unneeded']);
  });
});
