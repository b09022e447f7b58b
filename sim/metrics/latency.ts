import { build, type Histogram } from 'hdr-histogram-js';

export interface LatencySummary { count: number; p50: number; p95: number; p99: number; max: number }

/**
 * Latency per operationId in HDR histograms (3 significant digits, 1 ms to 1 hour): fixed
 * memory however many calls, and deterministic, so report.json stays byte-identical.
 */
export class LatencyRecorder {
  private readonly byOp = new Map<string, Histogram>();

  record(op: string, ms: number): void {
    let h = this.byOp.get(op);
    if (!h) {
      h = build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000, numberOfSignificantValueDigits: 3, useWebAssembly: false });
      this.byOp.set(op, h);
    }
    h.recordValue(Math.min(3_600_000, Math.max(1, Math.round(ms))));
  }

  summary(): Record<string, LatencySummary> {
    const out: Record<string, LatencySummary> = {};
    for (const op of [...this.byOp.keys()].sort()) {
      const h = this.byOp.get(op)!;
      out[op] = {
        count: h.totalCount,
        p50: h.getValueAtPercentile(50),
        p95: h.getValueAtPercentile(95),
        p99: h.getValueAtPercentile(99),
        max: h.maxValue,
      };
    }
    return out;
  }
}
