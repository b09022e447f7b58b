/**
 * One label, one number: the console, report.md and report.html of one run, in both languages,
 * read back as label → value pairs. Every label shown more than once shows the same value, and
 * the figures a planner compares across them (the funnel, the reviews, the desks) are in all three.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario, type Report } from '../../sim/runner';
import { scenarioByName } from '../../scenarios';
import { LABELS, renderConsole, renderHtml, renderMarkdown, type Lang } from '..';

const unescape = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim();

type Pairs = [label: string, value: string][];

/** Console rows: `  label  value  more`, label and value split by two or more spaces. */
const consolePairs = (text: string): Pairs => text.split('\n').filter((l) => l.startsWith('  '))
  .map((l) => l.trim().split(/ {2,}/)).filter((cells) => cells.length >= 2).map(([label, value]) => [label!, value!]);

/** Markdown table rows: first cell the label, second the value (headers and rules left out). */
const markdownPairs = (text: string): Pairs => {
  const lines = text.split('\n');
  return lines.flatMap((l, i) => {
    if (!l.startsWith('| ') || lines[i + 1]?.startsWith('|---') || l.startsWith('|---')) return [];
    const cells = l.slice(2, -2).split(' | ').map((c) => c.replace(/[`*]/g, '').trim());
    return cells.length >= 2 ? [[cells[0]!, cells[1]!] as [string, string]] : [];
  });
};

/** HTML table rows, tiles and bars. */
const htmlPairs = (html: string): Pairs => [
  ...[...html.matchAll(/<tr><td[^>]*>(.*?)<\/td><td[^>]*>(.*?)<\/td>/g)].map((m) => [unescape(m[1]!), unescape(m[2]!)] as [string, string]),
  ...[...html.matchAll(/<div class="tile-v">(.*?)<\/div><div class="tile-k">(.*?)<\/div>/g)].map((m) => [unescape(m[2]!), unescape(m[1]!)] as [string, string]),
  ...[...html.matchAll(/<div class="bar-label">(.*?)<\/div>.*?<div class="bar-value"><b>(.*?)<\/b>/g)].map((m) => [unescape(m[1]!), unescape(m[2]!)] as [string, string]),
];

describe('one label, one number across console, report.md and report.html', () => {
  let report: Report;
  beforeAll(async () => {
    report = (await runScenario(scenarioByName('default')!, { applicants: 600 })).report;
  }, 120_000);

  for (const lang of ['en', 'zh'] as Lang[]) {
    it(`agrees with itself in ${lang}`, () => {
      const L = LABELS[lang];
      const sources = {
        console: consolePairs(renderConsole(report, { lang })),
        markdown: markdownPairs(renderMarkdown(report, { lang })),
        html: htmlPairs(renderHtml(report, { lang })),
      };
      const seen = new Map<string, { value: string; where: string }[]>();
      for (const [where, pairs] of Object.entries(sources)) {
        for (const [label, value] of pairs) seen.set(label, [...(seen.get(label) ?? []), { value, where }]);
      }
      const disagreements = [...seen].filter(([, shown]) => new Set(shown.map((s) => s.value)).size > 1);
      expect(disagreements).toEqual([]);
      // The figures that must be in all three, so the check above is not vacuous.
      for (const label of [L.arrived, L.confirmed, L.approved, L.reviewSubmitted, L.reviewApproved, L.confirmations, L.sms]) {
        expect(new Set(seen.get(label)?.map((s) => s.where)), label).toEqual(new Set(['console', 'markdown', 'html']));
      }
    });
  }
});
