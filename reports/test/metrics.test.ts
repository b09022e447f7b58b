/**
 * The metrics a threshold may name (reports/thresholds/metrics.ts) are report.json's numbers:
 * every number of a real report is one, every named one is in the report, and
 * docs/report-schema.md documents each of their top-level fields.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario, type Report } from '../../sim/runner';
import { scenarioByName } from '../../scenarios';
import { ROUTES } from '../../stub-server/http';
import { isMetric, METRICS } from '../thresholds';

/** Every numeric leaf of a value, as dotted paths. */
const numbers = (value: unknown, prefix = ''): string[] => {
  if (typeof value === 'number') return [prefix];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([k, v]) => numbers(v, prefix ? `${prefix}.${k}` : k));
};

/** The tree's paths without a wildcard in them. */
const fixedPaths = (node: unknown, prefix = ''): string[] => node === true ? [prefix]
  : Object.entries(node as object).flatMap(([k, v]) => (k === '*' ? [] : fixedPaths(v, prefix ? `${prefix}.${k}` : k)));

describe('threshold metrics are report.json\'s numbers', () => {
  let report: Report;
  const latency = ROUTES.map((r) => r.operationId);
  beforeAll(async () => { report = (await runScenario(scenarioByName('default')!, { applicants: 300 })).report; }, 120_000);

  it('accepts every number of a real report (but its inputs and hour rows, which are not outcomes)', () => {
    const { inputs: _i, timeseries: _t, ...outcomes } = report;
    const paths = numbers(outcomes);
    expect(paths.length).toBeGreaterThan(100);
    expect(paths.filter((p) => !isMetric(p, { latency }))).toEqual([]);
  });

  it('finds every metric it names in a real report, as a number', () => {
    const missing = fixedPaths(METRICS).filter((p) => typeof p.split('.').reduce<any>((v, k) => v?.[k], report) !== 'number');
    expect(missing).toEqual([]);
  });

  it('refuses a misspelt field or operation, and a group that is not a number', () => {
    for (const path of ['funnel.aprovedRate', 'latency.submitRegistation.p95', 'queues.servers', 'manualReview.waitWorkingDays']) {
      expect(isMetric(path, { latency }), path).toBe(false);
    }
  });

  it('is documented: each top-level field in docs/report-schema.md', () => {
    const doc = readFileSync(new URL('../../docs/report-schema.md', import.meta.url), 'utf8');
    expect(Object.keys(METRICS).filter((k) => !doc.includes(`\`${k}\``))).toEqual([]);
  });
});
