import { describe, expect, it } from 'vitest';
import { evaluate, parseThreshold, parseThresholds, ThresholdError, toJUnit } from '..';

const report = { funnel: { approvedRate: 0.91, arrived: 100 }, manualReview: { slaBreaches: 2 }, latency: { submitRegistration: { p95: 1800 } } };

describe('thresholds', () => {
  it('reads "metric op value" lines and checks them against a report', () => {
    const results = evaluate(report, parseThresholds(`
      # what CI asks of the default scenario
      funnel.approvedRate >= 0.9
      manualReview.slaBreaches == 0
      latency.submitRegistration.p95 <= 2000
      latency.login.p95 < 100
    `));
    expect(results.map((r) => [r.threshold.metric, r.actual, r.passed])).toEqual([
      ['funnel.approvedRate', 0.91, true],
      ['manualReview.slaBreaches', 2, false],
      ['latency.submitRegistration.p95', 1800, true],
      ['latency.login.p95', null, false],
    ]);
  });

  it('refuses a malformed line and a path that is not a number', () => {
    expect(() => parseThreshold('funnel.approvedRate => 0.9')).toThrow(ThresholdError);
    expect(() => parseThreshold('approved >= lots')).toThrow(/metric op value/);
    expect(() => evaluate(report, [parseThreshold('funnel >= 1')])).toThrow(/not a number/);
  });

  it('writes JUnit XML with one failure per broken threshold', () => {
    const xml = toJUnit('jszg-sim.default', evaluate(report, parseThresholds('funnel.approvedRate >= 0.9\nmanualReview.slaBreaches == 0')));
    expect(xml).toContain('<testsuite name="jszg-sim.default" tests="2" failures="1">');
    expect(xml).toContain('<failure message="manualReview.slaBreaches was 2"/>');
    expect(xml).toContain('name="funnel.approvedRate &gt;= 0.9"/>');
  });
});
