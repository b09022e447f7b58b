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

  constructor(private readonly unitsPerMs = 1) {}

  record(op: string, ms: number): void {
    const highest = 3_600_000 * this.unitsPerMs;
    let h = this.byOp.get(op);
    if (!h) {
      h = build({ lowestDiscernibleValue: 1, highestTrackableValue: highest, numberOfSignificantValueDigits: 3, useWebAssembly: false });
      this.byOp.set(op, h);
    }
    h.recordValue(Math.min(highest, Math.max(1, Math.round(ms * this.unitsPerMs))));
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
