import { describe, expect, it } from 'vitest';
import type { Call } from '../../applicant';
import { ServerBooks } from '../../capacity';
import { RunMetrics, type CallingApplicant } from '../../runner';
import { ShardLog } from '../shard-log';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 8, 7);
const metrics = () => new RunMetrics((ms) => `hour ${(ms - START) / HOUR}`, () => ({ active: 0, reviewBacklog: 0, confirmationBacklog: 0, approvalBacklog: 0 }));
const call = { op: 'login', answer: { status: 200, body: {} } } as unknown as Call;
const applicant = { record: { index: 0 }, session: {} } as unknown as CallingApplicant;

/** Calls made at `at`, each counted when its step settles at `counted` (a step may last over an hour). */
const calls: { at: number; counted: number }[] = [
  { at: START + 10 * 60_000, counted: START + 20 * 60_000 },
  { at: START + 50 * 60_000, counted: START + 2 * HOUR + 5 * 60_000 },
  { at: START + HOUR + 30 * 60_000, counted: START + 3 * HOUR + 1 },
  { at: START + 3 * HOUR + 10, counted: START + 3 * HOUR + 20 },
];

describe("a shard's log", () => {
  it('closes hours when one process would, so a count over an hour late goes to the same hour', () => {
    // One process: counts at their moments, each hour closed at its next hour's last millisecond.
    const one = metrics();
    let ended = 0;
    for (const c of calls) {
      for (; START + (ended + 1) * HOUR - 1 <= c.counted; ended += 1) one.series.endOfHour(START + (ended + 1) * HOUR - 1);
      one.call(call, 100, c.at);
    }
    // A shard counting the same in windows of hours (a run's end at midnight or a desk's opening).
    const whole = metrics();
    let now = START;
    const log = new ShardLog(metrics(), new ServerBooks(1), () => now, () => {});
    let next = 0;
    for (const until of [START + 3 * HOUR, START + 5 * HOUR]) {
      for (; next < calls.length && calls[next]!.counted < until; next += 1) {
        now = calls[next]!.counted;
        log.call(call, 100, calls[next]!.at, applicant, false);
      }
      whole.series.absorb(log.report(0, 0, [], { windows: 0, schools: 0 }, until).hours);
      // The coordinator's own samples to the window's end, the shards' last hour kept open.
      whole.series.holdOpenFrom(until - HOUR);
      for (let end = until - 2 * HOUR - 1; end < until; end += HOUR) whole.series.endOfHour(end);
    }
    whole.series.absorb(log.counts().metrics.hours);
    for (; ended < 5; ended += 1) one.series.endOfHour(START + (ended + 1) * HOUR - 1);
    const requests = (m: RunMetrics) => m.series.finish().map((row) => row.requests);
    const expected = requests(one);
    // The call at 00:50 counted at 02:05 is in hour 1, the first still open; 01:30 counted at 03:00 in hour 2.
    expect(expected).toEqual([1, 1, 1, 1, 0]);
    expect(requests(whole)).toEqual(expected);
  });
});
