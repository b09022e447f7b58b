import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../random';
import { ServerBooks, type Booking } from '..';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 8, 1);
const HOURS = 8;

/** Bookings of a busy morning: fractional moments and service times, some waits, refusals and timeouts. */
function bookings(n: number): Booking[] {
  const rng = new RandomStreams(5).stream('portal');
  return Array.from({ length: n }, () => {
    const now = START + rng.next() * HOURS * HOUR;
    if (rng.chance(0.05)) return { refused: true as const, now };
    const start = now + (rng.chance(0.3) ? rng.next() * 90_000 : 0);
    return { now, start, service: 50 + rng.next() * 40 * 60_000, timedOut: rng.chance(0.02) };
  }).sort((a, b) => a.now - b.now);
}

/** What report.json takes from the books: each hour's figures as it ends, the totals and the queue's figures. */
function figures(books: ServerBooks, beforeHour: (h: number) => void = () => {}) {
  const hours = Array.from({ length: HOURS + 1 }, (_, h) => { beforeHour(h); return books.hour(START + h * HOUR); });
  return { hours, stats: { ...books.stats }, queue: books.figures(HOURS * HOUR, Math.max(...hours.map((h) => h.utilisation))) };
}

describe("the servers' books", () => {
  const list = bookings(6000);
  const whole = new ServerBooks(24);
  list.forEach((b) => whole.book(b));
  const expected = figures(whole);

  it("of a run's parts, handed over hour by hour, add up to the whole's, to the same bytes", () => {
    expect(expected.stats.waited).toBeGreaterThan(100);
    expect(expected.hours[0]!.utilisation).toBeGreaterThan(0);
    for (const n of [2, 3, 4]) {
      const parts = Array.from({ length: n }, () => new ServerBooks(24));
      const merged = new ServerBooks(24);
      let next = 0;
      const got = figures(merged, (h) => {
        // As shards at a window's end: the bookings before the hour's end, then every hour over.
        const end = START + (h + 1) * HOUR;
        for (; next < list.length && list[next]!.now < end; next += 1) parts[next % n]!.book(list[next]!);
        for (const part of parts) merged.absorb(structuredClone(part.takeBefore(end)));
      });
      for (const part of parts) merged.absorb(part.takeBefore(Infinity));
      expect({ ...got, stats: merged.stats, queue: merged.figures(HOURS * HOUR, Math.max(...got.hours.map((x) => x.utilisation))) }).toEqual(expected);
    }
  });

  it('refuse an hour handed over after it was read: the figure would be short of it', () => {
    const part = new ServerBooks(24);
    part.book({ now: START, start: START, service: 1000, timedOut: false });
    const merged = new ServerBooks(24);
    merged.hour(START);
    expect(() => merged.absorb(part.takeBefore(Infinity))).toThrow(/after it was read/);
  });
});
