import type { LatencySummary } from '../../sim/metrics';
import { latencyRows } from '../figure-rows';
import type { Labels } from '../labels';
import type { ThresholdResult } from '../thresholds';

/** A Markdown table; columns of numbers (counts, percentages, ms) align right. */
export const table = (head: string[], rows: (string | number)[][]) => {
  const numeric = head.map((_, i) => rows.length > 0 && rows.every((r) => /^[-\d.,%/ –≥]+$/.test(String(r[i]))));
  return [`| ${head.join(' | ')} |`, `|${numeric.map((right) => (right ? '---:' : '---')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
};

/** The thresholds' section, a simulated run's and a k6 run's alike (nothing when there are none). */
export const thresholdSection = (results: readonly ThresholdResult[], L: Labels): string[] => (results.length === 0 ? [] : [
  '', `## ${L.thresholds}`, '', table([L.threshold, L.actual, L.result], results.map((t) => [
    `\`${t.threshold.line}\``, t.actual === null ? '–' : String(t.actual), t.passed ? L.passed : `**${L.failed}**`,
  ])),
]);

/** The latency section: per operation, slowest p95 first. */
export const latencySection = (latency: Record<string, LatencySummary>, L: Labels): string[] =>
  ['', `## ${L.latency}`, '', table([L.operation, L.times, 'p50', 'p95', 'p99', 'max'], latencyRows(latency))];
