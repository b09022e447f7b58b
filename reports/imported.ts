import type { LatencySummary } from '../sim/metrics';
import { latencyRows } from './figure-rows';
import { fmt } from './format';
import { CSS } from './html/style';
import { esc, table } from './html/markup';
import { LABELS, type Lang } from './labels';
import { latencySection, thresholdSection } from './markdown/tables';
import { evaluate, ThresholdError, type Threshold, type ThresholdResult } from './thresholds';

/** What a k6 run measured: latency per operation (its `name` tag), overall and hour by hour. */
export interface ImportedRun {
  source: string;
  /** http_req_duration samples read. */
  samples: number;
  /** The first and last sample's moments (as k6 wrote them). */
  from: string;
  to: string;
  latency: Record<string, LatencySummary>;
  /** Each clock hour's requests and p95 over every operation (the hour as k6's clock had it, UTC). */
  hours: { hour: string; requests: number; p95: number }[];
}

/** A k6 run's thresholds: only its latencies are known (`latency.<op>.p95` and the like). */
export function evaluateImported(run: ImportedRun, thresholds: readonly Threshold[]): ThresholdResult[] {
  for (const t of thresholds) {
    if (!t.metric.startsWith('latency.')) throw new ThresholdError(`threshold "${t.line}": a k6 run measured latencies only (latency.<operationId>.p50|p95|p99|max|count)`);
  }
  return evaluate({ latency: run.latency }, thresholds);
}

const intro = (run: ImportedRun) => `k6 run read from ${run.source}: ${fmt(run.samples)} requests measured from ${run.from} to ${run.to}.`;

/** report.md of a k6 run: its thresholds and the latency table of a simulated run's report. */
export function renderImportedMarkdown(run: ImportedRun, options: { lang: Lang; thresholds: readonly ThresholdResult[] }): string {
  const L = LABELS[options.lang];
  return [`# k6 · ${L.latency}`, '', intro(run), ...thresholdSection(options.thresholds, L), ...latencySection(run.latency, L), ''].join('\n');
}

/** Each hour's p95 over every operation, as bars: when the load made the portal slow. */
function hourlyChart(run: ImportedRun): string {
  const W = 860, H = 180, left = 50, bottom = 24, top = 10;
  const max = Math.max(1, ...run.hours.map((h) => h.p95));
  const step = (W - left) / Math.max(1, run.hours.length);
  const bars = run.hours.map((h, i) => {
    const height = ((H - bottom - top) * h.p95) / max;
    return `<rect x="${(left + i * step + 1).toFixed(1)}" y="${(H - bottom - height).toFixed(1)}" width="${Math.max(1, step - 2).toFixed(1)}" height="${height.toFixed(1)}" fill="#2f6db5"><title>${esc(h.hour)}: p95 ${fmt(h.p95, 2)} ms, ${fmt(h.requests)} requests</title></rect>`;
  }).join('');
  return `<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="p95 by hour"><text x="0" y="${top + 10}" font-size="11">${fmt(max, 1)} ms</text>`
    + `<line x1="${left}" x2="${W}" y1="${H - bottom}" y2="${H - bottom}" stroke="#999"/>${bars}`
    + `<text x="${left}" y="${H - 6}" font-size="11">${esc(run.hours[0]?.hour ?? '')}</text><text x="${W}" y="${H - 6}" font-size="11" text-anchor="end">${esc(run.hours.at(-1)?.hour ?? '')}</text></svg>`;
}

/** report.html of a k6 run: thresholds, the latency table and the hourly p95, self-contained. */
export function renderImportedHtml(run: ImportedRun, options: { lang: Lang; thresholds: readonly ThresholdResult[] }): string {
  const L = LABELS[options.lang];
  const thresholds = options.thresholds.length === 0 ? '' : `<section><h2>${esc(L.thresholds)}</h2>${table([esc(L.threshold), esc(L.actual), esc(L.result)],
    options.thresholds.map((t) => [`<code>${esc(t.threshold.line)}</code>`, t.actual === null ? '–' : fmt(t.actual, 2), t.passed ? esc(L.passed) : `<b>${esc(L.failed)}</b>`]))}</section>`;
  const latency = table([esc(L.operation), esc(L.times), 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
    latencyRows(run.latency).map(([op, ...cells]) => [`<code>${esc(op!)}</code>`, ...cells]));
  return `<!doctype html>
<html lang="${options.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(L.report)} · k6</title><style>${CSS}</style></head><body><main>
<header><h1>${esc(L.report)} · k6</h1><p class="desc">${esc(intro(run))}</p></header>
${thresholds}
<section><h2>${esc(L.latency)}</h2>${latency}</section>
<section><h2>p95 / hour (UTC)</h2>${hourlyChart(run)}</section>
</main></body></html>
`;
}
