/**
 * Pass/fail lines like k6's thresholds: `metric op value`, where the metric is a dotted path
 * into report.json (`funnel.approvedRate >= 0.9`, `manualReview.slaBreaches == 0`,
 * `latency.submitRegistration.p95 <= 2000`).
 */
export type Op = '<' | '<=' | '>' | '>=' | '==' | '!=';
export interface Threshold { line: string; metric: string; op: Op; value: number }
export interface ThresholdResult { threshold: Threshold; actual: number | null; passed: boolean }

const COMPARE: Record<Op, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b, '<=': (a, b) => a <= b, '>': (a, b) => a > b, '>=': (a, b) => a >= b,
  '==': (a, b) => a === b, '!=': (a, b) => a !== b,
};

export class ThresholdError extends Error {}

export function parseThreshold(line: string): Threshold {
  const match = /^\s*([A-Za-z_][\w.\-]*)\s*(<=|>=|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(line);
  if (!match) throw new ThresholdError(`threshold "${line}": write it as "metric op value", e.g. "funnel.approvedRate >= 0.9" (op: < <= > >= == !=)`);
  return { line: line.trim(), metric: match[1]!, op: match[2] as Op, value: Number(match[3]) };
}

/** Parses a thresholds file: one a line; blank lines and `#` comments are skipped. */
export function parseThresholds(text: string): Threshold[] {
  return text.split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean).map(parseThreshold);
}

function valueAt(report: unknown, path: string): unknown {
  let v: unknown = report;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/**
 * Checks each threshold against a report. A metric the report does not hold fails, with
 * `actual: null`; a path that names a group rather than a number is an error (a typo).
 */
export function evaluate(report: unknown, thresholds: readonly Threshold[]): ThresholdResult[] {
  return thresholds.map((threshold) => {
    const v = valueAt(report, threshold.metric);
    if (v !== undefined && typeof v !== 'number') throw new ThresholdError(`threshold "${threshold.line}": ${threshold.metric} is not a number in report.json`);
    const actual = typeof v === 'number' ? v : null;
    return { threshold, actual, passed: actual !== null && COMPARE[threshold.op](actual, threshold.value) };
  });
}
