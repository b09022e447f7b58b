import { describe, expect, it } from 'vitest';
import { RandomStreams, type Rng } from '../../random';
import { TimeSeries, type HourLevels } from '..';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 2, 2);
const HOURS = 6;

interface Happening { at: number; field: 'arrivals' | 'requests' | 'sms' | 'submissions'; latencyMs: number; applicant: number }

/** A few hours of counts, crowded into some seconds so the busiest second is many deep. */
function happenings(rng: Rng, n: number): Happening[] {
  const fields = ['arrivals', 'requests', 'requests', 'requests', 'sms', 'submissions'] as const;
  return Array.from({ length: n }, () => ({
    at: START + (rng.chance(0.3) ? rng.int(20) * 1000 + rng.int(1000) : rng.int(HOURS * HOUR)),
    field: fields[rng.int(fields.length)]!,
    latencyMs: 1 + rng.int(5000),
    applicant: rng.int(1000),
  }));
}

/** A series whose levels are the hour that ends, as a run's would be (here: how many hours ended). */
function series(): { series: TimeSeries; endHour: (h: number) => void } {
  let ended = 0;
  const levels = (): HourLevels => ({ active: ended, reviewBacklog: 2 * ended, confirmationBacklog: 0, approvalBacklog: 1 });
  const s = new TimeSeries((ms) => `hour ${(ms - START) / HOUR}`, levels);
  return { series: s, endHour: (h) => { ended = h + 1; s.endOfHour(START + (h + 1) * HOUR - 1, { utilisation: h / 10, queueLength: h }); } };
}

const record = (s: TimeSeries, h: Happening) => {
  s.count(h.at, h.field);
  if (h.field === 'requests') s.latency(h.at, h.latencyMs);
};

/** Counts each happening when the run would reach `key`, the hours' ends at theirs. */
function whole(list: readonly Happening[], key: (h: Happening) => number) {
  const { series: s, endHour } = series();
  const sorted = [...list].sort((a, b) => key(a) - key(b));
  let next = 0;
  for (let h = 0; h < HOURS; h += 1) {
    const end = START + (h + 1) * HOUR - 1;
    while (next < sorted.length && key(sorted[next]!) <= end) record(s, sorted[next++]!);
    endHour(h);
  }
  sorted.slice(next).forEach((h) => record(s, h));
  return { rows: s.finish(), peaks: s.peaks };
}

describe('the hourly series', () => {
  const rng = new RandomStreams(7).stream('population');
  const list = happenings(rng, 4000);
  const inOrder = whole(list, (h) => h.at);

  it('counts a moment in its own hour and second, whatever the order it is counted in', () => {
    // Counted up to ten minutes late, as a step's calls are counted when it settles.
    const jitter = new Map(list.map((h) => [h, rng.int(600_000)]));
    const late = whole(list, (h) => h.at + jitter.get(h)!);
    expect(late).toEqual(inOrder);
    expect(inOrder.rows).toHaveLength(HOURS);
    expect(inOrder.rows.reduce((n, r) => n + r.requests, 0)).toBe(list.filter((h) => h.field === 'requests').length);
  });

  it('a busiest second counted out of order is still whole', () => {
    const { series: s } = series();
    for (const at of [START + 1000, START + 6000, START + 1500, START + 1999]) s.count(at, 'requests');
    s.finish();
    expect(s.peaks.requestsPerSecond).toBe(3);
  });

  it("a run split among parts adds up to the whole: each part's open hours absorbed before they close", () => {
    for (const parts of [2, 3, 5]) {
      const split = Array.from({ length: parts }, () => series().series);
      for (const h of list) record(split[h.applicant % parts]!, h);
      const { series: merged, endHour } = series();
      split.forEach((part) => merged.absorb(structuredClone(part.takeBefore(Infinity))));
      for (let h = 0; h < HOURS; h += 1) endHour(h);
      expect({ rows: merged.finish(), peaks: merged.peaks }).toEqual(inOrder);
    }
  });

  it("parts that hand over their hours at each window's end, as a run's shards do, add up to the whole", () => {
    const parts = 3;
    const split = Array.from({ length: parts }, () => series().series);
    const { series: merged, endHour } = series();
    const sorted = [...list].sort((a, b) => a.at - b.at);
    let next = 0;
    merged.holdOpenFrom(START - HOUR);
    for (let h = 0; h < HOURS; h += 1) {
      const end = START + (h + 1) * HOUR;
      while (next < sorted.length && sorted[next]!.at < end) record(split[sorted[next]!.applicant % parts]!, sorted[next++]!);
      endHour(h);
      // An hour-long window: its parts hand over the hours before the last, which may still get counts.
      for (const part of split) merged.absorb(structuredClone(part.takeBefore(end - HOUR)));
      merged.holdOpenFrom(end - HOUR);
    }
    for (const part of split) merged.absorb(part.takeBefore(Infinity));
    expect({ rows: merged.finish(), peaks: merged.peaks }).toEqual(inOrder);
  });

  it("refuses a part's hour absorbed after it closed: the merge would be short of it", () => {
    const { series: merged, endHour } = series();
    const { series: part } = series();
    part.count(START + 10, 'requests');
    endHour(0);
    endHour(1);
    expect(() => merged.absorb(part.takeBefore(Infinity))).toThrow(/absorbed after it closed/);
  });

  it('counts what comes after its hour closed (an answer over HTTP, hours late) in the first hour still open', () => {
    const { series: s, endHour } = series();
    endHour(0);
    endHour(1);
    s.count(START + 10, 'requests');
    s.count(START + 10, 'requests');
    const rows = s.finish();
    expect(rows.map((r) => r.requests)).toEqual([0, 2]);
    expect(s.peaks.requestsPerSecond).toBe(0);
  });

  it('keeps hours held open for counts that come after their end (a window counted while the next runs), and closes them once let go', () => {
    // Every count arrives two hours late, after the ends of its hour and the next.
    const { series: s, endHour } = series();
    s.holdOpenFrom(START);
    const sorted = [...list].sort((a, b) => a.at - b.at);
    let next = 0;
    for (let h = 0; h < HOURS; h += 1) {
      endHour(h);
      const upTo = START + (h - 1) * HOUR;
      while (next < sorted.length && sorted[next]!.at < upTo) record(s, sorted[next++]!);
      s.holdOpenFrom(upTo);
    }
    sorted.slice(next).forEach((h) => record(s, h));
    expect({ rows: s.finish(), peaks: s.peaks }).toEqual(inOrder);
  });
});
