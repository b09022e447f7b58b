/**
 * report.html: one self-contained file (no network) a planner opens in any browser.
 *
 * Time series (arrivals/requests against capacity, SMS, 人工审核 backlog, the
 * queues at the 确认点 and registration bodies) are drawn by uPlot,
 * whose minified script and CSS are read from node_modules and inlined at render time. uPlot is
 * small (~50 KB), has no dependencies and is made for hourly series like these. Categorical
 * charts (funnel, abandonment, review waits against the 7-working-day line) are plain HTML/SVG
 * bars: they need no script, print well and read well without one.
 *
 * Deterministic: the same report gives the same bytes (no clock, no locale of the machine).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Report } from '../../sim/runner';
import { htmlLabels, type HtmlLabels, type Lang } from './labels';
import { queueRows } from '../queue-rows';
import { transportRows } from '../transport-rows';
import { bars, esc, fill, fmt, pct, scriptJson, table, tiles } from './markup';
import { describe, funnelRows, latencyRows, longestWait, outcomeRows, peakRows, quotaRows, reasonRows, reviewRows, type Row } from '../figure-rows';
import { stepName } from '../journey-names';
import { onSite } from './on-site';
import { servers } from './servers';
import { faultsLine, outageWindows } from './faults';
import { CLIENT } from './client';
import { CSS } from './style';

export { fmt } from './markup';

export interface HtmlOptions { lang: Lang }

const FUNNEL = ['arrived', 'registered', 'verified', 'submitted', 'confirmed', 'approved'] as const;
const SLA_WORKING_DAYS = 7;

let uplotAssets: { js: string; css: string } | undefined;
function uplot(): { js: string; css: string } {
  if (!uplotAssets) {
    const dir = join(dirname(createRequire(import.meta.url).resolve('uplot/package.json')), 'dist');
    uplotAssets = {
      js: readFileSync(join(dir, 'uPlot.iife.min.js'), 'utf8'),
      css: readFileSync(join(dir, 'uPlot.min.css'), 'utf8'),
    };
  }
  return uplotAssets;
}

/** Capacity of the application servers in requests per hour, if the inputs say enough. */
export function serverCapacity(report: Report): { servers: number; meanServiceMs: number; perHour: number } | undefined {
  // A run over HTTP met real servers: the scenario's modelled pool is not what was there.
  if (report.transport) return undefined;
  const cap = report.inputs['capacity'] as { servers?: { servers?: unknown; serviceMs?: unknown } } | undefined;
  const servers = cap?.servers?.servers;
  const serviceMs = cap?.servers?.serviceMs as Record<string, unknown> | undefined;
  if (typeof servers !== 'number' || servers <= 0 || !serviceMs) return undefined;
  const def = typeof serviceMs['default'] === 'number' ? serviceMs['default'] : undefined;
  let calls = 0;
  let ms = 0;
  for (const [op, l] of Object.entries(report.latency)) {
    const s = typeof serviceMs[op] === 'number' ? (serviceMs[op] as number) : def;
    if (s === undefined) return undefined;
    calls += l.count;
    ms += l.count * s;
  }
  if (calls === 0 && def === undefined) return undefined;
  const meanServiceMs = calls > 0 ? ms / calls : def!;
  if (!(meanServiceMs > 0)) return undefined;
  return { servers, meanServiceMs, perHour: (servers * 3_600_000) / meanServiceMs };
}

/** A modelled backend's hourly capacity from the inputs; over HTTP the backend is the server's business, not the scenario's model. */
function backendCapacity(report: Report, backend: 'smsGateway' | 'registry'): number | null {
  if (report.transport) return null;
  return (report.inputs as { capacity?: Record<string, { perHour?: number } | undefined> }).capacity?.[backend]?.perHour ?? null;
}

function header(r: Report, L: HtmlLabels): string {
  const items: [string, string][] = [
    [L.scenario, `<b>${esc(r.scenario)}</b>`],
    [L.seed, esc(r.seed)],
    [L.rulesPortal, `<code>${esc(r.portalRulesHash)}</code>`],
    [L.rulesSimulated, `<code>${esc(r.rulesHash)}</code>`],
    [L.period, `${esc(r.period.from)} – ${esc(r.period.to)}`],
    ...(r.interrupted ? [[L.interruptedAt, `<b>${esc(r.interrupted.at)}</b>`] as [string, string]] : []),
    [L.applicantsRun, fmt(r.applicants)],
    [L.approvedRate, pct(r.funnel.approved, r.funnel.arrived)],
  ];
  return `<header><h1>${esc(L.htmlTitle)} · ${esc(r.scenario)}</h1><p class="desc">${esc(describe(r, L.lang, L))}</p>${faultsLine(r.inputs['faults'], L)}
<dl class="meta">${items.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${v}</dd></div>`).join('')}</dl></header>`;
}

/** Bars of rows [label, count, percentage], each bar's length its count against `scale`. */
const rowBars = (rows: Row[], values: number[], scale: number, cls: string) => bars(rows.map(([label, count, share], i) => ({
  label: esc(label!), value: values[i]!, text: `<b>${count}</b> <span class="muted">${share}</span>`, cls,
})), scale);

function funnel(r: Report, L: HtmlLabels): string {
  const counts = FUNNEL.map((k) => r.funnel[k]);
  const states = table([esc(L.outcomes), esc(L.count)], outcomeRows(r, L.lang).map((row) => row.map(esc)));
  return `<section><h2>${esc(L.funnel)}</h2><p class="caption">${esc(L.funnelCaption)}</p>
<div class="two"><div>${rowBars(funnelRows(r, L), counts, r.funnel.arrived, 'c-funnel')}</div><div>${states}</div></div></section>`;
}

function abandonment(r: Report, L: HtmlLabels): string {
  const rows = reasonRows(r, L.lang);
  const counts = rows.map((row) => Number(row[1]!.replaceAll(',', '')));
  const byStep = Object.entries(r.abandoned.byStep)
    .map(([step, reasons]) => [step, Object.values(reasons).reduce((a, b) => a + b, 0)] as const)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const tbl = table(
    [esc(L.step), esc(L.count), esc(L.ofArrived)],
    byStep.map(([s, n]) => [esc(stepName(s, L.lang)), fmt(n), pct(n, r.funnel.arrived)]),
  );
  return `<section><h2>${esc(L.abandoned)}</h2><p class="caption">${esc(L.abandonedCaption)} ${esc(L.gaveUp)}: <b>${fmt(r.abandoned.total)}</b> (${pct(r.abandoned.total, r.funnel.arrived)})</p>
<div class="two"><div>${rows.length ? rowBars(rows, counts, Math.max(0, ...counts), 'c-abandon') : `<p>${esc(L.none)}</p>`}</div><div>${tbl}</div></div></section>`;
}

function quota(r: Report, L: HtmlLabels): string {
  return `<section class="half"><h2>${esc(L.quota)}</h2><p class="caption">${esc(L.quotaCaption)}</p>${table([esc(L.kind), esc(L.times)], quotaRows(r, L).map((row) => row.map(esc)))}</section>`;
}

function peaksAndServers(r: Report, L: HtmlLabels): string {
  return `<section class="half"><h2>${esc(L.peaks)}</h2>${table([esc(L.kind), esc(L.value)], peakRows(r, L).map((row) => row.map(esc)))}</section>`;
}

function queues(r: Report, L: HtmlLabels): string {
  const { header, rows } = queueRows(r, L);
  return `<section><h2>${esc(L.queues)}</h2>${table(header.map(esc), rows.map((row) => row.map(esc)), 1)}<p class="caption">${esc(L.queuesCaption)}</p></section>`;
}

function overHttp(r: Report, L: HtmlLabels): string {
  const rows = transportRows(r, L);
  if (!rows) return '';
  return `<section><h2>${esc(L.overHttp)}</h2>${table([esc(L.kind), esc(L.value)], rows.map(([k, v]) => [esc(k), esc(v)]), 2)}</section>`;
}

function review(r: Report, L: HtmlLabels): string {
  const m = r.manualReview;
  const w = m.waitWorkingDays;
  // The counts as tiles; the waits are drawn below, and those still running when the run ended listed.
  const [submitted, decided, approved, late, , still] = reviewRows(r, L) as [string, string][];
  const stats: [string, string, string?][] = [submitted!, decided!, approved!, [...late!, m.slaBreaches > 0 ? 'bad' : 'good'], [still![0], still![1]]];
  // Wait percentiles as SVG bars against the 7-working-day line.
  const longest = longestWait(w);
  const waits: [string, number][] = [[L.waitP50, w.p50], [L.waitMean, w.mean], [L.waitP95, w.p95], [longest.atLeast ? `${L.waitMax} ≥` : L.waitMax, longest.days]];
  const scale = Math.max(SLA_WORKING_DAYS + 3, Math.ceil(longest.days + 1));
  const W = 560, left = 120, right = 20, rowH = 30, top = 10, plotW = W - left - right;
  const H = top + waits.length * rowH + 40;
  const x = (d: number) => left + (plotW * d) / scale;
  let svg = `<svg class="wait" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(L.reviewWaitTitle)}">`;
  for (let d = 0; d <= scale; d++) {
    svg += `<line x1="${x(d).toFixed(1)}" x2="${x(d).toFixed(1)}" y1="${top}" y2="${top + waits.length * rowH}" class="grid"/>`;
    svg += `<text x="${x(d).toFixed(1)}" y="${top + waits.length * rowH + 16}" class="tick" text-anchor="middle">${d}</text>`;
  }
  waits.forEach(([k, v], i) => {
    const y = top + i * rowH;
    svg += `<text x="${left - 8}" y="${y + rowH / 2 + 5}" class="lbl" text-anchor="end">${esc(k)}</text>`;
    svg += `<rect x="${left}" y="${y + 6}" width="${Math.max(1, x(v) - left).toFixed(1)}" height="${rowH - 12}" class="${v > SLA_WORKING_DAYS ? 'c-bad' : 'c-review'}"/>`;
    svg += `<text x="${(Math.max(x(v), left) + 6).toFixed(1)}" y="${y + rowH / 2 + 5}" class="val">${fmt(v, Number.isInteger(v) ? 0 : 2)}</text>`;
  });
  svg += `<line x1="${x(SLA_WORKING_DAYS)}" x2="${x(SLA_WORKING_DAYS)}" y1="${top - 4}" y2="${top + waits.length * rowH + 2}" class="sla"/>`;
  svg += `<text x="${x(SLA_WORKING_DAYS) + 4}" y="${top + 8}" class="sla-t">${esc(L.slaLine)}</text>`;
  svg += `<text x="${left + plotW / 2}" y="${H - 4}" class="axis" text-anchor="middle">${esc(L.workingDays)}</text></svg>`;
  const ll = m.littlesLaw;
  const little = fill(L.littlesLaw, {
    l: fmt(ll.arrivalsPerHour, 4), w: fmt(ll.meanTimeInSystemHours, 1), L: fmt(ll.meanBacklog, 3), lw: fmt(ll.arrivalsPerHour * ll.meanTimeInSystemHours, 3),
  });
  return `<section><h2>${esc(L.review)}</h2>${tiles(stats)}
<div class="two even"><div><h3>${esc(L.reviewWaitTitle)}</h3>${svg}</div>
<div><h3>${esc(L.backlogTitle)}</h3><div class="chart" id="chart-backlog"></div><p class="caption">${esc(little)}</p></div></div></section>`;
}

function latency(r: Report, L: HtmlLabels): string {
  const rows = latencyRows(r.latency).map(([op, ...cells]) => [`<code>${esc(op!)}</code>`, ...cells]);
  return `<section><h2>${esc(L.latency)}</h2><p class="caption">${esc(r.transport ? L.latencyCaptionHttp : L.latencyCaption)}</p>${table(
    [esc(L.operation), esc(L.calls), 'p50 ms', 'p95 ms', 'p99 ms', `${esc(L.max)} ms`],
    rows,
  )}</section>`;
}

function refusals(r: Report, L: HtmlLabels): string {
  const rows = Object.entries(r.refusals).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  // Three side-by-side tables keep a long list short on screen and on paper.
  const per = Math.max(1, Math.ceil(rows.length / 3));
  const parts: string[] = [];
  for (let i = 0; i < rows.length; i += per)
    parts.push(`<div>${table([esc(L.code), esc(L.times)], rows.slice(i, i + per).map(([c, n]) => [`<code>${esc(c)}</code>`, fmt(n)]))}</div>`);
  const expiries = fill(L.sessionExpiriesNote, { n: fmt(r.sessionExpiries) });
  return `<section><h2>${esc(L.refusals)}</h2><div class="grid3">${parts.join('') || esc(L.none)}</div><p class="caption">${esc(expiries)}</p></section>`;
}

function load(r: Report, L: HtmlLabels): string {
  const cap = serverCapacity(r);
  const peak = r.timeseries.reduce((m, h) => Math.max(m, h.requests), 0);
  const note = cap
    ? fill(L.capacityNote, {
        servers: fmt(cap.servers), mean: fmt(cap.meanServiceMs, 1), cap: fmt(cap.perHour), peak: fmt(peak), pct: pct(peak, cap.perHour, 3),
      })
    : r.transport ? L.capacityReal : L.capacityUnknown;
  return `<section><h2>${esc(L.loadTitle)}</h2><div class="chart" id="chart-load"></div><p class="caption">${esc(note)}</p></section>
<section><h2>${esc(L.smsTitle)}</h2><div class="chart" id="chart-sms"></div></section>
<section><h2>${esc(L.registryTitle)}</h2><div class="chart" id="chart-registry"></div></section>
<section><h2>${esc(L.latencyTitle)}</h2><div class="chart" id="chart-latency"></div></section>`;
}

export function renderHtml(report: Report, options: HtmlOptions): string {
  const L = htmlLabels(options.lang);
  const cap = serverCapacity(report);
  const data = {
    t: report.timeseries.map((h) => Math.round(Date.parse(h.hour) / 1000)),
    arrivals: report.timeseries.map((h) => h.arrivals),
    requests: report.timeseries.map((h) => h.requests),
    retries: report.timeseries.map((h) => h.retries),
    busy: report.timeseries.map((h) => h.serverBusy),
    timeouts: report.timeseries.map((h) => h.gatewayTimeouts),
    utilisation: report.timeseries.map((h) => Math.round(h.utilisation * 1000) / 10),
    queue: report.timeseries.map((h) => h.queueLength),
    sms: report.timeseries.map((h) => h.sms),
    registry: report.timeseries.map((h) => h.registryChecks),
    latency: report.timeseries.map((h) => h.latencyP95 ?? 0),
    // Over HTTP the gateway's throughput is the server's business, not the scenario's model.
    smsGateway: backendCapacity(report, 'smsGateway'),
    registryCapacity: backendCapacity(report, 'registry'),
    backlog: report.timeseries.map((h) => h.reviewBacklog),
    confirmationBacklog: report.timeseries.map((h) => h.confirmationBacklog),
    approvalBacklog: report.timeseries.map((h) => h.approvalBacklog),
    capacity: cap ? Math.round(cap.perHour) : null,
    outages: outageWindows(report.inputs['faults']),
    L: {
      time: L.timeAxis, requests: L.requestsPerHourSeries, arrivals: L.arrivalsPerHour, capacity: L.capacityPerHour,
      retries: L.retriesPerHour, busy: L.busyPerHour, timeouts: L.timeoutsPerHour, utilisationAxis: L.utilisationAxis, queueAxis: L.queueAxis,
      loadAxis: L.loadAxis, sms: L.smsAxis, smsAxis: L.smsAxis, smsGateway: L.smsGateway,
      registryAxis: L.registryAxis, registryCapacity: L.registryCapacity, latencyAxis: L.latencyAxis, backlog: L.backlogAxis, backlogAxis: L.backlogAxis,
      confirmationBacklog: L.confirmationBacklog, approvalBacklog: L.approvalBacklog, desksAxis: L.desksBacklogAxis,
    },
  };
  const { js, css } = uplot();
  return `<!doctype html>
<html lang="${options.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(L.htmlTitle)} · ${esc(report.scenario)}</title>
<style>${css}</style>
<style>${CSS}</style>
</head>
<body>
<main>
${header(report, L)}
${funnel(report, L)}
${abandonment(report, L)}
<div class="row">${quota(report, L)}${peaksAndServers(report, L)}</div>
${review(report, L)}
${onSite(report, L)}
${load(report, L)}
${servers(report, L)}
${queues(report, L)}
${latency(report, L)}
${refusals(report, L)}
${overHttp(report, L)}
<footer>${esc(L.generatedNote)}</footer>
</main>
<script id="report-data" type="application/json">${scriptJson(data)}</script>
<script>${js}</script>
<script>${CLIENT}</script>
</body>
</html>
`;
}
