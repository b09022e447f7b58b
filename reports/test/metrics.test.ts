/**
 * report.json's schema (sim/runner/report-schema.ts) is the one list of its fields: a real
 * report is exactly what it says, thresholds may name each of its numbers and nothing else, and
 * docs/report-schema.md explains the same fields.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { reportSchema, runScenario, type Report } from '../../sim/runner';
import { scenarioByName } from '../../scenarios';
import { ROUTES } from '../../stub-server/http';
import { isMetric } from '../thresholds';

/** Every numeric leaf of a value, as dotted paths. */
const numbers = (value: unknown, prefix = ''): string[] => {
  if (typeof value === 'number') return [prefix];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([k, v]) => numbers(v, prefix ? `${prefix}.${k}` : k));
};

/** Every field name of the schema's objects, at any depth. */
const fieldNames = (schema: z.ZodType): string[] => {
  if (schema instanceof z.ZodOptional) return fieldNames(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodRecord) return fieldNames(schema.valueType as z.ZodType);
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([k, v]) => [k, ...fieldNames(v)]);
};

describe('report.json\'s schema', () => {
  let report: Report;
  const latency = ROUTES.map((r) => r.operationId);
  beforeAll(async () => { report = (await runScenario(scenarioByName('default')!, { applicants: 300 })).report; }, 120_000);

  it('is what a real report holds: no field more, none less', () => {
    expect(reportSchema.safeParse(JSON.parse(JSON.stringify(report))).error?.issues).toBeUndefined();
  });

  it('lets a threshold name every number of a real report (but its inputs and hour rows, which are not outcomes)', () => {
    const { inputs: _i, timeseries: _t, ...outcomes } = report;
    const paths = numbers(outcomes);
    expect(paths.length).toBeGreaterThan(100);
    expect(paths.filter((p) => !isMetric(p, { latency }))).toEqual([]);
  });

  it('refuses a misspelt field or operation, and a group that is not a number', () => {
    for (const path of ['funnel.aprovedRate', 'latency.submitRegistation.p95', 'queues.servers', 'manualReview.waitWorkingDays', 'timeseries.0.arrivals']) {
      expect(isMetric(path, { latency }), path).toBe(false);
    }
  });

  it('is explained in docs/report-schema.md: the same top-level fields, and every field named', () => {
    const doc = readFileSync(new URL('../../docs/report-schema.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('## report.json'), doc.indexOf('## run.json'));
    const rows = section.split('\n').filter((l) => l.startsWith('| `'));
    const documented = rows.flatMap((row) => [...row.split('|')[1]!.matchAll(/`(\w+)`/g)].map((m) => m[1]!));
    expect(documented.sort()).toEqual(Object.keys(reportSchema.shape).sort());
    expect(fieldNames(reportSchema).filter((name) => !section.includes(`\`${name}\``))).toEqual([]);
  });
});
