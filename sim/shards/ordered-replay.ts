import type { ServerBooks } from '../capacity';
import type { RunMetrics } from '../runner';
import { ACTIVE, BOOKING, ROW, SESSION } from './protocol';

interface Row { time: number; order: number; shard: number; seq: number; kind: number; a: number; b: number; c: number }

/**
 * The rows whose order matters, from every shard, put back in the order one process would have
 * made them, (time, order key) first and then each shard's own order, and played into the
 * coordinator's levels (applicants in progress and at the portal, with their peaks) and the
 * servers' books (whose float sums then add in the same order, to the same bytes).
 */
export class OrderedReplay {
  private pending: Row[] = [];
  private sorted = true;
  private seq = 0;
  /** Applicants in progress and at the portal, as of the last row played. */
  active = 0;
  inSession = 0;

  constructor(private readonly metrics: RunMetrics, private readonly books: ServerBooks) {}

  add(shard: number, rows: Float64Array): void {
    for (let i = 0; i < rows.length; i += ROW) {
      this.pending.push({ time: rows[i]!, order: rows[i + 1]!, shard, seq: this.seq++, kind: rows[i + 2]!, a: rows[i + 3]!, b: rows[i + 4]!, c: rows[i + 5]! });
    }
    this.sorted = false;
  }

  /** Plays the rows before `time` (up to and including it when `inclusive`). */
  until(time: number, inclusive = false): void {
    if (!this.sorted) {
      this.pending.sort((x, y) => x.time - y.time || x.order - y.order || x.shard - y.shard || x.seq - y.seq);
      this.sorted = true;
    }
    let i = 0;
    for (; i < this.pending.length; i += 1) {
      const row = this.pending[i]!;
      if (inclusive ? row.time > time : row.time >= time) break;
      this.play(row);
    }
    if (i > 0) this.pending = this.pending.slice(i);
  }

  private play({ time, kind, a, b, c }: Row): void {
    if (kind === ACTIVE) {
      this.active += a;
      // Only a start adds an applicant in progress: the peak is exact.
      if (a > 0) this.metrics.series.observeActive(this.active);
    } else if (kind === SESSION) {
      this.inSession += a;
      if (a > 0) this.metrics.series.observeInSession(this.inSession);
    } else if (kind === BOOKING) {
      this.books.book(c === 2 ? { refused: true, now: time } : { now: time, start: a, service: b, timedOut: c === 1 });
    }
  }
}
