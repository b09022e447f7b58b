import { describe, expect, it } from 'vitest';
import { scenarioByName } from '../../scenarios';
import { runScenario } from '../../sim/runner';
import { evaluate, parseThresholds, renderHtml, renderMarkdown } from '..';

describe('report.md', async () => {
  const { report } = await runScenario(scenarioByName('default'), { seed: 3, applicants: 120 });
  const results = evaluate(report, parseThresholds('funnel.approvedRate >= 0.5\nmanualReview.slaBreaches == 0'));

  it('gives the funnel with its counts, the thresholds and the inputs', () => {
    const md = renderMarkdown(report, { lang: 'en', thresholds: results });
    expect(md).toContain(`| Arrived | ${report.funnel.arrived.toLocaleString('en')} | 100.0% |`);
    expect(md).toContain(`| Approved (注册合格) | ${report.funnel.approved.toLocaleString('en')} |`);
    expect(md).toContain('`funnel.approvedRate >= 0.5`');
    expect(md).toContain('"provinces"');
  });

  it('gives the most applications waiting at the desks at an hour\'s end', () => {
    const most = (level: 'confirmationBacklog' | 'approvalBacklog') => Math.max(...report.timeseries.map((h) => h[level]));
    expect(most('confirmationBacklog')).toBeGreaterThan(0);
    expect(renderMarkdown(report, { lang: 'en' }))
      .toContain(`| Most waiting at an hour's end: for 现场确认 / at the bodies | ${most('confirmationBacklog')} / ${most('approvalBacklog')} |`);
  });

  it('speaks Chinese with --lang zh, keeping the portal\'s terms in both', () => {
    const zh = renderMarkdown(report, { lang: 'zh' });
    expect(zh).toContain('办理漏斗');
    expect(zh).toContain('人工审核');
    expect(renderMarkdown(report, { lang: 'en' })).toContain('人工审核');
  });

  it('shows what the wire saw in a run over HTTP, and why it was cut short, in place of the modelled servers', () => {
    const overHttp = {
      ...report,
      transport: {
        kind: 'http' as const, target: 'http://127.0.0.1:8080', timeScale: 3600, rulesHash: 'the target\'s own', lateStartHours: 0,
        wire: { requests: 1234, connectionErrors: 56, timeouts: 7, byStatus: { 200: 1100, 503: 71 }, byCode: { SMS_GATEWAY_UNAVAILABLE: 71 } },
        generatorLagMs: { max: 12, mean: 0.4 },
        aborted: { at: '2026-09-11T07:30:47.837Z', reason: 'the server stopped answering', lastError: 'CONNECTION_FAILED', serverStderr: '' },
      },
    };
    for (const text of [renderMarkdown(overHttp, { lang: 'en' }), renderHtml(overHttp, { lang: 'en' })]) {
      expect(text).toContain('Over HTTP');
      expect(text).toContain('SMS_GATEWAY_UNAVAILABLE 71');
      expect(text).toContain('the server stopped answering');
      expect(text).not.toContain('Application servers');
    }
    const html = renderHtml(overHttp, { lang: 'en' });
    expect(html).toContain('Measured on the wire');
    expect(html).toContain('the servers were real');
    expect(html).not.toContain('Queueing at the application servers');
    expect(renderMarkdown(report, { lang: 'en' })).not.toContain('Over HTTP');
    expect(renderMarkdown(report, { lang: 'en' })).toContain('Application servers');
  });

  it('draws a longest review wait that is only a lower bound inside the chart', () => {
    const w = report.manualReview.waitWorkingDays;
    const cut = { ...report, manualReview: { ...report.manualReview, waitWorkingDays: { ...w, censored: { count: 1, atLeast: w.max + 20 } } } };
    const svg = /<svg class="wait" viewBox="0 0 (\d+) \d+"[\s\S]*?<\/svg>/.exec(renderHtml(cut, { lang: 'en' }))!;
    const ends = [...svg[0].matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]) + Number(m[2]));
    expect(ends.length).toBe(4);
    for (const end of ends) expect(end).toBeLessThanOrEqual(Number(svg[1]));
    expect(svg[0]).toContain(`>${w.max + 20}</text>`);
  });

  it('is the same text for the same report', () => {
    expect(renderMarkdown(report, { lang: 'en', thresholds: results })).toBe(renderMarkdown(report, { lang: 'en', thresholds: results }));
  });
});
