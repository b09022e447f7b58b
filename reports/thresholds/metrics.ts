import { closest } from 'fastest-levenshtein';
import { z } from 'zod';
// The schema's own module, not sim/runner's index: the CLI checks thresholds before the simulator loads.
import { reportSchema } from '../../sim/runner/report-schema';
import { ThresholdError, type Threshold } from './thresholds';

/** Names a record's keys may take, where they are known (operationIds for `latency`). */
export interface KnownKeys { latency?: readonly string[] }

const joined = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key);

/**
 * The numbers of report.json a threshold may name, read off its schema (sim/runner/report-schema.ts)
 * as dotted paths; a record's keys are written `*`, but known ones (`latency`'s operationIds)
 * each. The hourly series and the echoed inputs hold no metrics.
 */
export function metricPaths(known: KnownKeys = {}): string[] {
  const walk = (schema: z.ZodType, prefix: string): string[] => {
    if (schema instanceof z.ZodOptional) return walk(schema.unwrap() as z.ZodType, prefix);
    if (schema instanceof z.ZodNumber) return [prefix];
    if (schema instanceof z.ZodObject) return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([k, v]) => walk(v, joined(prefix, k)));
    if (schema instanceof z.ZodRecord) {
      const keys = prefix === 'latency' && known.latency ? known.latency : ['*'];
      return keys.flatMap((k) => walk(schema.valueType as z.ZodType, joined(prefix, k)));
    }
    return [];
  };
  return walk(reportSchema, '');
}

const matches = (pattern: string, path: string) => {
  const want = pattern.split('.');
  const keys = path.split('.');
  return want.length === keys.length && want.every((w, i) => w === '*' || w === keys[i]);
};

/** Whether `path` names a number of report.json. */
export function isMetric(path: string, known: KnownKeys = {}): boolean {
  return metricPaths(known).some((pattern) => matches(pattern, path));
}

/**
 * Refuses, before anything runs, a threshold whose metric report.json does not have, naming
 * the nearest one that it does.
 */
export function checkMetrics(thresholds: readonly Threshold[], known: KnownKeys = {}): void {
  for (const t of thresholds) {
    if (isMetric(t.metric, known)) continue;
    throw new ThresholdError(`threshold "${t.line}": report.json has no metric ${t.metric}; did you mean ${closest(t.metric, metricPaths(known))}? (docs/report-schema.md lists them)`);
  }
}
