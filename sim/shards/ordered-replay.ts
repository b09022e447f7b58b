import type { RunMetrics } from '../runner';
import { ACTIVE, ROW, SESSION } from './protocol';

/** A shard's rows not yet played: its reports' buffers in turn, and where the next row is. */
interface Queue { chunks: Float64Array[]; offset: number }

const before = (a: Float64Array, i: number, b: Float64Array, j: number) => a[i]! < b[j]! || (a[i] === b[j] && a[i + 1]! < b[j + 1]!);

/**
 * The rows whose order matters, from every shard, put back in the order one process would have
 * made them, (time, order key) first and then each shard's own order, and played into the
 * coordinator's levels (applicants in progress and at the portal): their peaks are exact. Each shard
 * makes its rows in that order already (its events run in it), so the shards' rows are merged,
 * not sorted; a report whose rows are not in order is put in order first (stably).
 */
export class OrderedReplay {
  private readonly queues: Queue[] = [];
  /** Applicants in progress and at the portal, as of the last row played. */
  active = 0;
  inSession = 0;

  constructor(private readonly metrics: RunMetrics) {}

  add(shard: number, rows: Float64Array): void {
    if (rows.length === 0) return;
    const queue = (this.queues[shard] ??= { chunks: [], offset: 0 });
    queue.chunks.push(inOrder(rows));
  }

  /** Plays the rows before `time` (up to and including it when `inclusive`). */
  until(time: number, inclusive = false): void {
    for (;;) {
      let best: Queue | undefined;
      for (const queue of this.queues) {
        const chunk = queue?.chunks[0];
        if (!chunk) continue;
        const bestChunk = best?.chunks[0];
        if (!best || before(chunk, queue.offset, bestChunk!, best.offset)) best = queue;
      }
      if (!best) return;
      const chunk = best.chunks[0]!;
      const i = best.offset;
      if (inclusive ? chunk[i]! > time : chunk[i]! >= time) return;
      this.play(chunk, i);
      best.offset += ROW;
      if (best.offset >= chunk.length) { best.chunks.shift(); best.offset = 0; }
    }
  }

  private play(row: Float64Array, i: number): void {
    const kind = row[i + 2]!;
    const a = row[i + 3]!;
    if (kind === ACTIVE) {
      this.active += a;
      // Only a start adds an applicant in progress: the peak is exact.
      if (a > 0) this.metrics.series.observeActive(this.active);
    } else if (kind === SESSION) {
      this.inSession += a;
      if (a > 0) this.metrics.series.observeInSession(this.inSession);
    }
  }
}

/** The rows by (time, order key), the same order kept among equals. */
function inOrder(rows: Float64Array): Float64Array {
  let sorted = true;
  for (let i = ROW; i < rows.length && sorted; i += ROW) if (before(rows, i, rows, i - ROW)) sorted = false;
  if (sorted) return rows;
  const n = rows.length / ROW;
  const order = Array.from({ length: n }, (_, k) => k).sort((x, y) => rows[x * ROW]! - rows[y * ROW]! || rows[x * ROW + 1]! - rows[y * ROW + 1]! || x - y);
  const out = new Float64Array(rows.length);
  order.forEach((k, j) => out.set(rows.subarray(k * ROW, k * ROW + ROW), j * ROW));
  return out;
}
