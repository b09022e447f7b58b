import { build, type Histogram } from 'hdr-histogram-js';

export interface LatencySummary { count: number; p50: number; p95: number; p99: number; max: number }

/**
 * Latency per operationId in HDR histograms (3 significant digits, one unit to 1 hour): fixed
 * memory however many calls, and deterministic, so report.json stays byte-identical. The unit is
 * a millisecond (the simulator's virtual latencies), or finer for measured ones (`unitsPerMs`
 * 1000: microseconds, as k6 reports them).
 */
export class LatencyRecorder {
  private readonly byOp = new Map<string, Histogram>();

  private readonly highest: number;

  constructor(private readonly unitsPerMs = 1) {
    this.highest = 3_600_000 * unitsPerMs;
  }

  private of(op: string): Histogram {
    let h = this.byOp.get(op);
    if (!h) {
      h = build({ lowestDiscernibleValue: 1, highestTrackableValue: this.highest, numberOfSignificantValueDigits: 3, useWebAssembly: false });
      this.byOp.set(op, h);
    }
    return h;
  }

  record(op: string, ms: number): void {
    this.of(op).recordValue(Math.min(this.highest, Math.max(1, Math.round(ms * this.unitsPerMs))));
  }

  /** Adds another part's latencies (a run split among workers): whole units add exactly. */
  absorb(part: LatencyRecorder): void {
    if (part.unitsPerMs !== this.unitsPerMs) throw new Error('latencies of different units cannot be added');
    for (const [op, h] of part.byOp) this.of(op).add(h);
  }

  summary(): Record<string, LatencySummary> {
    const out: Record<string, LatencySummary> = {};
    for (const op of [...this.byOp.keys()].sort()) {
      const h = this.byOp.get(op)!;
      const ms = (units: number) => units / this.unitsPerMs;
      out[op] = {
        count: h.totalCount,
        p50: ms(h.getValueAtPercentile(50)),
        p95: ms(h.getValueAtPercentile(95)),
        p99: ms(h.getValueAtPercentile(99)),
        max: ms(h.maxValue),
      };
    }
    return out;
  }
}
