import { describe, expect, it } from 'vitest';
import { scenarioByName } from '../../scenarios';
import { exportK6Script } from '..';
import { translateThresholds } from '../thresholds';
import { scriptOptions } from './helpers';

const called = new Set(['submitRegistration', 'login', 'getCaptcha']);
/** k6's threshold expression grammar: aggregation, operator, number. */
const K6_EXPRESSION = /^(avg|min|max|med|count|rate|p\(\d+(\.\d+)?\))(<=|>=|==|!=|<|>)-?\d+(\.\d+)?$/;

describe('thresholds', () => {
  it('translate per-operation latencies and counts to tagged k6 metrics', () => {
    const { thresholds, untranslatable } = translateThresholds([
      'latency.submitRegistration.p95 <= 2000',
      'latency.submitRegistration.max < 30000',
      'latency.login.p50 < 300',
      'latency.login.p99 <= 1500',
      'latency.getCaptcha.count >= 10',
    ], called);
    expect(thresholds).toEqual({
      'http_req_duration{name:submitRegistration}': ['p(95)<=2000', 'max<30000'],
      'http_req_duration{name:login}': ['med<300', 'p(99)<=1500'],
      'http_reqs{name:getCaptcha}': ['count>=10'],
    });
    expect(untranslatable).toEqual([]);
    for (const expression of Object.values(thresholds).flat()) expect(expression).toMatch(K6_EXPRESSION);
  });

  it('list what has no k6 equivalent, saying why', () => {
    const { thresholds, untranslatable } = translateThresholds([
      'funnel.approvedRate >= 0.85',
      'manualReview.slaBreaches == 0',
      'latency.getApplicationForm.p95 < 1000',
      'latency.login.mean < 100',
    ], called);
    expect(thresholds).toEqual({});
    expect(untranslatable.map((u) => u.line)).toEqual(['funnel.approvedRate >= 0.85', 'manualReview.slaBreaches == 0', 'latency.getApplicationForm.p95 < 1000', 'latency.login.mean < 100']);
    expect(untranslatable[2]!.why).toContain('does not call getApplicationForm');
  });

  it('reach the script: options.thresholds, and the rest in the header comment', () => {
    const base = scenarioByName('default');
    const scenario = { ...base, thresholds: [...base.thresholds!, 'latency.login.p99 < 800', 'peaks.requestsPerSecond < 50'] };
    const script = exportK6Script(scenario);
    const { thresholds } = scriptOptions(script);
    expect(thresholds['http_req_duration{name:submitRegistration}']).toEqual(['p(95)<=2000']);
    expect(thresholds['http_req_duration{name:login}']).toEqual(['p(99)<800']);
    const header = script.slice(0, script.indexOf('import '));
    for (const line of ['funnel.approvedRate >= 0.85', 'manualReview.slaBreaches == 0', 'peaks.requestsPerSecond < 50']) expect(header).toContain(`//   ${line}`);
    expect(header).not.toContain('latency.login.p99');
  });

  it('add a failed-request rate unless the scenario injects faults', () => {
    expect(scriptOptions(exportK6Script(scenarioByName('default'))).thresholds.http_req_failed).toEqual(['rate<0.01']);
    expect(scriptOptions(exportK6Script(scenarioByName('sms-gateway-outage'))).thresholds.http_req_failed).toBeUndefined();
  });
});
