import { build, type Histogram } from 'hdr-histogram-js';
import { histogramBuckets, recordBuckets } from './histogram-wire';

export interface LatencySummary { count: number; p50: number; p95: number; p99: number; max: number }

/** A recorder's latencies as plain data, to add to another's (a run split among threads). */
export interface LatencyWire { unitsPerMs: number; byOp: [op: string, buckets: Float64Array, max: number][] }

/**
 * Latency per operationId in HDR histograms (3 significant digits, one unit to 1 hour): fixed
 * memory however many calls, and deterministic, so report.json stays byte-identical. The unit is
 * a millisecond (the simulator's virtual latencies), or finer for measured ones (`unitsPerMs`
 * 1000: microseconds, as k6 reports them).
 */
export class LatencyRecorder {
  /** Each operation's histogram, and the largest value recorded (kept here: a histogram added from buckets knows only its bucket). */
  private readonly byOp = new Map<string, { histogram: Histogram; max: number }>();

  private readonly highest: number;

  constructor(private readonly unitsPerMs = 1) {
    this.highest = 3_600_000 * unitsPerMs;
  }

  private of(op: string): { histogram: Histogram; max: number } {
    let h = this.byOp.get(op);
    if (!h) {
      h = { histogram: build({ lowestDiscernibleValue: 1, highestTrackableValue: this.highest, numberOfSignificantValueDigits: 3, useWebAssembly: false }), max: 0 };
      this.byOp.set(op, h);
    }
    return h;
  }

  record(op: string, ms: number): void {
    const units = Math.min(this.highest, Math.max(1, Math.round(ms * this.unitsPerMs)));
    const h = this.of(op);
    h.histogram.recordValue(units);
    if (units > h.max) h.max = units;
  }

  toWire(): LatencyWire {
    return { unitsPerMs: this.unitsPerMs, byOp: [...this.byOp].map(([op, h]) => [op, histogramBuckets(h.histogram), h.max]) };
  }

  /** Adds another part's latencies (`toWire`): whole units add exactly. */
  absorb(part: LatencyWire): void {
    if (part.unitsPerMs !== this.unitsPerMs) throw new Error('latencies of different units cannot be added');
    for (const [op, buckets, max] of part.byOp) {
      const h = this.of(op);
      recordBuckets(h.histogram, buckets);
      h.max = Math.max(h.max, max);
    }
  }

  summary(): Record<string, LatencySummary> {
    const out: Record<string, LatencySummary> = {};
    for (const op of [...this.byOp.keys()].sort()) {
      const { histogram: h, max } = this.byOp.get(op)!;
      const ms = (units: number) => units / this.unitsPerMs;
      out[op] = {
        count: h.totalCount,
        p50: ms(h.getValueAtPercentile(50)),
        p95: ms(h.getValueAtPercentile(95)),
        p99: ms(h.getValueAtPercentile(99)),
        max: ms(max),
      };
    }
    return out;
  }
}
