import { describe, expect, it } from 'vitest';
import type { Report } from '../../../sim/runner/report';
import { fmt, renderHtml, serverCapacity } from '../index';

/** A small hand-made report with the shape of report.json. */
function sampleReport(): Report {
  const hours = Array.from({ length: 48 }, (_, i) => {
    const d = new Date(Date.UTC(2026, 8, 10, 16 + i));
    const bj = new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
    return { hour: `${bj}+08:00`, arrivals: i % 24, requests: 20 * (i % 24), sms: i % 3, registryChecks: i % 6, submissions: i % 5, active: i, reviewBacklog: i % 4, confirmationBacklog: i % 7, approvalBacklog: i % 9 };
  });
  return {
    scenario: 'unit', description: 'A test scenario <with> & "quotes"', seed: 7, rulesHash: 'abc123def4567890', portalRulesHash: '0987654fed321cba', applicants: 12345,
    period: { from: '2026-09-11', to: '2026-09-12' },
    inputs: { capacity: { servers: { servers: 4, serviceMs: { default: 25, login: 60 }, timeoutMs: 30000 } } },
    funnel: { arrived: 12345, registered: 12001, verified: 11876, submitted: 11234, confirmed: 10987, approved: 10456, approvedRate: 0.847 },
    outcomes: { approved: 10456, abandoned: 900 },
    abandoned: { total: 900, byStep: { smsCode: { 'sms-quota': 600 }, photo: { 'photo-refused': 250, 'left-wizard': 50 } } },
    quotaDenials: { sms: 4321, realName: 12, manualReview: 3, wechat: 0 },
    manualReview: {
      submitted: 1500, decided: 1480, approved: 1300, slaBreaches: 17,
      waitWorkingDays: { p50: 3, p95: 8, max: 11, mean: 3.4, censored: { count: 20, atLeast: 12 } },
      littlesLaw: { arrivalsPerHour: 1.2, meanTimeInSystemHours: 30, meanBacklog: 36 },
    },
    onSite: { confirmed: 10987, confirmationFailed: 100, messages: 40, reverted: 30, decided: { 注册合格: 10456 },
      waitWorkingDays: { confirmation: { p50: 1, p95: 3, max: 5, mean: 1.4, censored: { count: 0, atLeast: 0 } }, approval: { p50: 1, p95: 2, max: 4, mean: 1.1, censored: { count: 0, atLeast: 0 } } },
      mostWaiting: { confirmation: 6, approval: 8 } },
    latency: {
      login: { count: 20000, p50: 42, p95: 1777, p99: 2840, max: 4450 },
      getCaptcha: { count: 30000, p50: 17, p95: 73, p99: 114, max: 306 },
    },
    peaks: { requestsPerSecond: 10, requestsPerHour: 460, smsPerHour: 2, registryChecksPerHour: 5, inProgressPeak: 47, inSessionPeak: 12 },
    servers: { requests: 50000, refused: 0, timeouts: 2, utilisation: 0.0123, peakHourUtilisation: 0.5 },
    queues: {
      servers: { arrivals: 50000, served: 50000, utilisation: 0.0123, peakHourUtilisation: 0.5, l: 0.02, lq: 0.001, wSeconds: 0.3, wqSeconds: 0.01, pWait: 0.05 },
      manualReview: { arrivals: 1500, served: 1480, utilisation: 0.41, peakHourUtilisation: 1, l: 36, lq: 33, wSeconds: 108_000, wqSeconds: 100_000, pWait: 0.97 },
      confirmation: { arrivals: 11100, served: 10987, utilisation: 0.2, peakHourUtilisation: 0.9, l: 6, lq: 6, wSeconds: 90_000, wqSeconds: 90_000, pWait: 1 },
      approval: { arrivals: 11000, served: 10456, utilisation: 0.1, peakHourUtilisation: 0.4, l: 8, lq: 8, wSeconds: 80_000, wqSeconds: 80_000, pWait: 1 },
    },
    refusals: { CAPTCHA_MISMATCH: 426 },
    sessionExpiries: 1766,
    timeseries: hours.map((h) => ({ ...h, latencyP95: 120, retries: 0, serverBusy: 0, gatewayTimeouts: 0, utilisation: 0.5, queueLength: 0 })),
  };
}

const report = sampleReport();
const en = renderHtml(report, { lang: 'en' });
const zh = renderHtml(report, { lang: 'zh' });

describe('renderHtml', () => {
  it('is self-contained: no remote src or href, scripts and styles inline', () => {
    for (const html of [en, zh]) {
      expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
      expect(html).not.toMatch(/<script[^>]*\bsrc\s*=/i);
      expect(html).not.toMatch(/<link[^>]*rel=["']?stylesheet/i);
      expect(html).not.toMatch(/@import/);
      expect(html).toContain('uPlot'); // the chart library is inlined
      expect(html.startsWith('<!doctype html>')).toBe(true);
    }
  });

  it('shows the funnel counts with thousands separators, and the percentages', () => {
    for (const k of ['arrived', 'registered', 'verified', 'submitted', 'confirmed', 'approved'] as const) {
      expect(en).toContain(fmt(report.funnel[k]));
      expect(zh).toContain(fmt(report.funnel[k]));
    }
    expect(en).toContain('12,345');
    expect(en).toContain('84.7%'); // approved / arrived
    expect(en).toContain('4,321'); // SMS quota denials
  });

  it('escapes text from the report', () => {
    expect(en).toContain('A test scenario &lt;with&gt; &amp; &quot;quotes&quot;');
    expect(en).not.toContain('<with>');
  });

  it('labels in English under en and Chinese under zh, portal terms in Chinese in both', () => {
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Funnel');
    expect(en).toContain('Where and why applicants gave up');
    expect(en).toContain('Latency per operation');
    expect(en).not.toContain('办理漏斗');
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('办理漏斗');
    expect(zh).toContain('放弃的环节与原因');
    expect(zh).toContain('各操作响应时间');
    expect(zh).not.toContain('Where and why applicants gave up');
    for (const html of [en, zh]) for (const term of ['网报待确认', '确认点', '人工审核']) expect(html).toContain(term);
  });

  it('shows manual review against the 7-working-day line and capacity from the inputs', () => {
    expect(en).toContain('SLA: 7 working days');
    expect(zh).toContain('时限：7个工作日');
    expect(en).toMatch(/>17<\/div><div class="tile-k">Decided after 7 working days/);
    const cap = serverCapacity(report)!;
    // 50,000 calls: 20,000 login at 60 ms, 30,000 at the default 25 ms → 39 ms mean.
    expect(cap.meanServiceMs).toBeCloseTo(39, 6);
    expect(Math.round(cap.perHour)).toBe(Math.round((4 * 3_600_000) / 39));
    expect(en).toContain(fmt(cap.perHour));
  });

  it('shows the desks: decisions, waits in working days, their capacities and hourly queues', () => {
    const withInputs = { ...report, inputs: { ...report.inputs, backOffice: { confirmation: { perPointPerDay: 400 }, approval: { perInstitutionPerDay: 3000 } } } };
    const html = renderHtml(withInputs, { lang: 'en' });
    expect(html).toMatch(/>30<\/div><div class="tile-k">Sent back to 网报待确认 by the body/);
    expect(html).toContain('<td>确认点 (现场确认)</td><td class="num">1</td><td class="num">3</td><td class="num">5</td><td class="num">1.40</td>');
    expect(html).toContain('up to 400 applications, a registration body up to 3,000 decisions');
    expect(html).toContain('id="chart-desks"');
    const data = JSON.parse(/<script id="report-data" type="application\/json">([^<]*)<\/script>/.exec(html)![1]!) as { confirmationBacklog: number[]; approvalBacklog: number[] };
    expect(data.confirmationBacklog.slice(5, 9)).toEqual([5, 6, 0, 1]);
    expect(data.approvalBacklog[10]).toBe(1);
    expect(renderHtml(report, { lang: 'zh' })).toContain('输入未给出每日处理能力');
  });

  it('draws SMS codes and registry checks per hour against the backends\' capacities from the inputs', () => {
    const html = renderHtml({ ...report, inputs: { ...report.inputs, capacity: { ...(report.inputs['capacity'] as object), smsGateway: { perHour: 3600 }, registry: { perHour: 36000 } } } }, { lang: 'en' });
    const data = JSON.parse(/<script id="report-data" type="application\/json">([^<]*)<\/script>/.exec(html)![1]!) as { registry: number[]; registryCapacity: number; smsGateway: number };
    expect(data.registry.slice(4, 8)).toEqual([4, 5, 0, 1]);
    expect(data.registryCapacity).toBe(36000);
    expect(data.smsGateway).toBe(3600);
    expect(html).toContain('id="chart-registry"');
    expect(html).toContain('Registry checks per hour');
  });

  it('says so when capacity cannot be derived', () => {
    const html = renderHtml({ ...report, inputs: {} }, { lang: 'en' });
    expect(html).toContain('cannot be derived');
    expect(html).toContain('"capacity":null');
  });

  it('is deterministic for the same report', () => {
    expect(renderHtml(sampleReport(), { lang: 'en' })).toBe(en);
    expect(renderHtml(sampleReport(), { lang: 'zh' })).toBe(zh);
  });

  it('formats numbers with thousands separators', () => {
    expect(fmt(0)).toBe('0');
    expect(fmt(999)).toBe('999');
    expect(fmt(1000)).toBe('1,000');
    expect(fmt(1234567.891, 2)).toBe('1,234,567.89');
    expect(fmt(-12345)).toBe('-12,345');
  });

  it('the report type round-trips through JSON (as read from report.json)', () => {
    const again = JSON.parse(JSON.stringify(report)) as Report;
    expect(renderHtml(again, { lang: 'en' })).toBe(en);
  });

  it('keeps data inside its script element', () => {
    const html = renderHtml({ ...report, timeseries: report.timeseries.map((h) => ({ ...h })) }, { lang: 'en' });
    const data = /<script id="report-data" type="application\/json">([^<]*)<\/script>/.exec(html);
    expect(data).not.toBeNull();
    const parsed = JSON.parse(data![1]!) as { t: number[]; requests: number[] };
    expect(parsed.t).toHaveLength(48);
    expect(parsed.t[0]).toBe(Date.UTC(2026, 8, 10, 16) / 1000); // 2026-09-11T00:00+08:00
    expect(parsed.requests[5]).toBe(100);
  });

  it('says under the description which faults were injected, and nothing when none were', () => {
    expect(en).not.toContain('class="faults"');
    const faults = { operations: { '*': { outage: { from: '2026-09-11T09:00:00+08:00', to: '2026-09-11T11:00:00+08:00' } }, login: { error: { rate: 0.1, status: 502 } } }, registry: { latency: 300 } };
    const html = renderHtml({ ...report, inputs: { ...report.inputs, faults } }, { lang: 'en' });
    const line = /<p class="faults">(.*?)<\/p>/.exec(html)![1]!;
    expect(line).toContain('every operation: down 2026-09-11T09:00:00+08:00 – 2026-09-11T11:00:00+08:00');
    expect(line).toContain('login: 10% of calls fail (502)');
    expect(line).toContain('public-security registry: latency 300 ms');
    expect(line).toContain('Outages are shaded on the hourly charts.');
    // The charts get the outage window to shade, in epoch seconds as their time axis.
    const data = JSON.parse(/<script id="report-data" type="application\/json">([^<]*)<\/script>/.exec(html)![1]!) as { outages: number[][] };
    expect(data.outages).toEqual([[Date.parse('2026-09-11T01:00:00Z') / 1000, Date.parse('2026-09-11T03:00:00Z') / 1000]]);
  });
});
