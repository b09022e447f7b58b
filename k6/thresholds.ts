/**
 * A scenario's threshold lines (reports/thresholds: `metric op value` over report.json) as
 * k6 thresholds. Only per-operation latencies and call counts mean the same thing in a k6
 * run; funnel rates, review SLAs and the like come from the simulated back office and have
 * no k6 metric, so they are listed as not translatable.
 */
import { parseThresholds, type Op } from '../reports/thresholds';

/** report.json latency statistics and the k6 trend aggregations that measure the same. */
const LATENCY: Readonly<Record<string, string>> = { p50: 'med', p95: 'p(95)', p99: 'p(99)', max: 'max' };

export interface K6Thresholds {
  /** k6 `options.thresholds`: metric (with a name tag) → expressions. */
  thresholds: Record<string, string[]>;
  /** Lines with no k6 equivalent, as written, and why. */
  untranslatable: { line: string; why: string }[];
}

/**
 * `latency.<op>.<stat>` becomes `http_req_duration{name:<op>}` (the script tags every request
 * with its operationId) and `latency.<op>.count` the request count `http_reqs{name:<op>}`,
 * for the operations the script calls. k6 knows the same six comparison operators.
 */
export function translateThresholds(lines: readonly string[], operations: ReadonlySet<string>): K6Thresholds {
  const thresholds: Record<string, string[]> = {};
  const untranslatable: { line: string; why: string }[] = [];
  for (const t of parseThresholds(lines.join('\n'))) {
    const k6 = k6Threshold(t.metric, t.op, t.value);
    if (!k6) untranslatable.push({ line: t.line, why: 'no k6 metric; the simulation measures it in report.json' });
    else if (!operations.has(k6.operation)) untranslatable.push({ line: t.line, why: `the script does not call ${k6.operation}` });
    else (thresholds[k6.metric] ??= []).push(k6.expression);
  }
  return { thresholds, untranslatable };
}

function k6Threshold(metric: string, op: Op, value: number): { operation: string; metric: string; expression: string } | null {
  const match = /^latency\.(\w+)\.(\w+)$/.exec(metric);
  if (!match) return null;
  const operation = match[1]!;
  const stat = match[2]!;
  if (stat === 'count') return { operation, metric: `http_reqs{name:${operation}}`, expression: `count${op}${value}` };
  const aggregation = LATENCY[stat];
  return aggregation ? { operation, metric: `http_req_duration{name:${operation}}`, expression: `${aggregation}${op}${value}` } : null;
}

/**
 * k6's share of failed requests, 4xx answers not counted as failures
 * (the script's response callback). Left out when the scenario injects faults, whose errors
 * are the point of the run.
 */
export const FAILED_REQUESTS = { http_req_failed: ['rate<0.01'] };
