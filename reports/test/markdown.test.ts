import { describe, expect, it } from 'vitest';
import { scenarioByName } from '../../scenarios';
import { runScenario } from '../../sim/runner';
import { evaluate, parseThresholds, renderMarkdown } from '..';

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

  it('speaks Chinese with --lang zh, keeping the portal\'s terms in both', () => {
    const zh = renderMarkdown(report, { lang: 'zh' });
    expect(zh).toContain('办理漏斗');
    expect(zh).toContain('人工审核');
    expect(renderMarkdown(report, { lang: 'en' })).toContain('人工审核');
  });

  it('is the same text for the same report', () => {
    expect(renderMarkdown(report, { lang: 'en', thresholds: results })).toBe(renderMarkdown(report, { lang: 'en', thresholds: results }));
  });
});
