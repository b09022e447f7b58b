import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../random';
import { RunMetrics } from '../../runner';
import { OrderedReplay } from '../ordered-replay';
import { ACTIVE, ROW, SESSION } from '../protocol';

const START = Date.UTC(2026, 8, 1);

/** Rows as a shard makes them: moments rising, order keys rising within a moment. */
function rows(seed: number, n: number): number[][] {
  const rng = new RandomStreams(seed).stream('arrivals');
  let time = START;
  return Array.from({ length: n }, () => {
    time += rng.chance(0.3) ? 0 : rng.int(5_000);
    return [time, 1 + rng.int(50), rng.chance(0.5) ? ACTIVE : SESSION, rng.chance(0.6) ? 1 : -1];
  }).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
}

/** What playing rows gives: the levels and their peaks. */
function played(feed: (replay: OrderedReplay) => void) {
  const metrics = new RunMetrics(String, () => ({ active: 0, reviewBacklog: 0, confirmationBacklog: 0, approvalBacklog: 0 }));
  const replay = new OrderedReplay(metrics);
  feed(replay);
  return { peaks: metrics.series.peaks, active: replay.active, inSession: replay.inSession };
}

describe("the shards' ordered rows, merged", () => {
  it('play as the same rows in (time, order, shard) order in one list, whatever the reports they came in, and one report out of order is put in order', () => {
    const shards = [rows(1, 400), rows(2, 300), rows(3, 500)];
    const all = shards.flatMap((list, shard) => list.map((row, seq) => ({ row, shard, seq })))
      .sort((a, b) => a.row[0]! - b.row[0]! || a.row[1]! - b.row[1]! || a.shard - b.shard || a.seq - b.seq);
    const whole = played((replay) => {
      all.forEach(({ row }) => replay.add(0, Float64Array.from(row)));
      replay.until(Infinity);
    });
    const merged = played((replay) => {
      // Each shard's rows in three reports; the second shard's last report shuffled.
      for (const part of [0, 1, 2]) {
        shards.forEach((list, shard) => {
          let chunk = list.slice(Math.floor((part * list.length) / 3), Math.floor(((part + 1) * list.length) / 3));
          if (shard === 1 && part === 2) chunk = [...chunk].reverse();
          replay.add(shard, Float64Array.from(chunk.flat()));
        });
        replay.until(START + (part + 1) * 200_000);
      }
      replay.until(Infinity);
    });
    expect(merged).toEqual(whole);
    expect(whole.peaks.inProgressPeak).toBeGreaterThan(10);
    expect(whole.active).toBe(all.reduce((n, { row }) => n + (row[2] === ACTIVE ? row[3]! : 0), 0));
    expect(ROW).toBe(4);
  });

  it('breaks a tie of moments by the order key, not by which shard reported first', () => {
    // One applicant at the portal; at one instant applicant 1 (shard 1) leaves and applicant 2 (shard 0) comes.
    const { peaks } = played((replay) => {
      replay.add(1, Float64Array.from([START, 1, SESSION, 1, START + 10, 1, SESSION, -1]));
      replay.add(0, Float64Array.from([START + 10, 2, SESSION, 1]));
      replay.until(Infinity);
    });
    expect(peaks.inSessionPeak).toBe(1);
  });
});
