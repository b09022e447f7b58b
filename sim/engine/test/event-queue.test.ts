import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../index';

/** Pops everything as [time, payload] pairs. */
function drain<T>(q: EventQueue<T>): [number, T][] {
  const out: [number, T][] = [];
  for (let p = q.pop(); p !== undefined; p = q.pop()) out.push([q.poppedTime, p]);
  return out;
}

describe('EventQueue', () => {
  it('pops in time order', () => {
    const q = new EventQueue<string>();
    q.push(30, 'c'); q.push(10, 'a'); q.push(20, 'b'); q.push(5, 'z');
    expect(q.size).toBe(4);
    expect(q.peekTime()).toBe(5);
    expect(drain(q)).toEqual([[5, 'z'], [10, 'a'], [20, 'b'], [30, 'c']]);
    expect(q.size).toBe(0);
    expect(q.peekTime()).toBe(Infinity);
    expect(q.pop()).toBeUndefined();
  });

  it('keeps push order among equal times, however many', () => {
    const q = new EventQueue<number>(16);
    for (let i = 0; i < 5000; i += 1) q.push(i % 3, i); // grows past the initial capacity
    const popped = drain(q).map(([, i]) => i);
    const expected = [0, 1, 2].flatMap((r) => Array.from({ length: 5000 }, (_, i) => i).filter((i) => i % 3 === r));
    expect(popped).toEqual(expected);
  });

  it('cancels exactly: a pending event once, a fired or stale id never', () => {
    const q = new EventQueue<string>();
    const a = q.push(1, 'a');
    const b = q.push(2, 'b');
    expect(q.cancel(a)).toBe(true);
    expect(q.cancel(a)).toBe(false);
    expect(q.size).toBe(1);
    const c = q.push(3, 'c'); // reuses a's slot under a new generation
    expect(c).not.toBe(a);
    expect(q.cancel(a)).toBe(false);
    expect(q.pop()).toBe('b');
    expect(q.cancel(b)).toBe(false);
    expect(q.cancel(-1)).toBe(false);
    expect(q.cancel(1.5)).toBe(false);
    expect(q.cancel(123456)).toBe(false);
    expect(drain(q)).toEqual([[3, 'c']]);
  });

  it('stays compact when most events are cancelled', () => {
    const q = new EventQueue<number>();
    const ids = Array.from({ length: 10_000 }, (_, i) => q.push(i, i));
    ids.forEach((id, i) => { if (i % 100 !== 0) q.cancel(id); });
    expect(q.size).toBe(100);
    expect(drain(q).map(([t]) => t)).toEqual(Array.from({ length: 100 }, (_, i) => i * 100));
  });

  it('orders equal times by key, whatever the push order, and the events of one key by push order', () => {
    const q = new EventQueue<string>();
    q.push(10, 'applicant 7, first', 8); q.push(10, 'applicant 2', 3); q.push(10, 'the run', 0);
    q.push(10, 'applicant 7, second', 8); q.push(5, 'earlier', 9);
    expect(drain(q).map(([, p]) => p)).toEqual(['earlier', 'the run', 'applicant 2', 'applicant 7, first', 'applicant 7, second']);
  });

  it('matches a sorted-list model under any mix of push, pop and cancel', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('push' as const), time: fc.integer({ min: 0, max: 20 }), key: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ kind: fc.constant('pop' as const) }),
      fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
    );
    fc.assert(fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
      const q = new EventQueue<number>(16);
      let model: { time: number; key: number; seq: number; id: number }[] = [];
      const issued: number[] = [];
      let seq = 0;
      for (const o of ops) {
        if (o.kind === 'push') {
          const id = q.push(o.time, seq, o.key);
          issued.push(id);
          model.push({ time: o.time, key: o.key, seq, id });
          seq += 1;
        } else if (o.kind === 'pop') {
          model.sort((x, y) => x.time - y.time || x.key - y.key || x.seq - y.seq);
          const head = model.shift();
          expect(q.pop()).toBe(head?.seq);
          if (head) expect(q.poppedTime).toBe(head.time);
        } else if (issued.length > 0) {
          const id = issued[o.pick % issued.length]!;
          const pending = model.some((e) => e.id === id);
          expect(q.cancel(id)).toBe(pending);
          model = model.filter((e) => e.id !== id);
        }
        expect(q.size).toBe(model.length);
      }
    }), { numRuns: 300 });
  });

  it('clears', () => {
    const q = new EventQueue<number>();
    const id = q.push(1, 1); q.push(2, 2);
    q.clear();
    expect(q.size).toBe(0);
    expect(q.cancel(id)).toBe(false);
    q.push(5, 5);
    expect(drain(q)).toEqual([[5, 5]]);
  });

  it('refuses a NaN time', () => {
    expect(() => new EventQueue<number>().push(Number.NaN, 1)).toThrow(RangeError);
  });
});
