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
import type { Report } from '../../sim/runner/report';
import { htmlLabels, type HtmlLabels, type Lang } from './labels';
import { transportRows } from '../transport-rows';
import { bars, esc, fill, fmt, pct, scriptJson, table, tiles } from './markup';
import { onSite } from './on-site';

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
    [L.rulesHash, `<code>${esc(r.rulesHash)}</code>`],
    [L.period, `${esc(r.period.from)} – ${esc(r.period.to)}`],
    ...(r.interrupted ? [[L.interruptedAt, `<b>${esc(r.interrupted.at)}</b>`] as [string, string]] : []),
    [L.applicants, fmt(r.applicants)],
    [L.approvedRate, pct(r.funnel.approved, r.funnel.arrived)],
  ];
  return `<header><h1>${esc(L.htmlTitle)} · ${esc(r.scenario)}</h1><p class="desc">${esc(r.description)}</p>
<dl class="meta">${items.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${v}</dd></div>`).join('')}</dl></header>`;
}

function funnel(r: Report, L: HtmlLabels): string {
  const arrived = r.funnel.arrived;
  const rows = FUNNEL.map((k) => ({
    label: esc(L[k]),
    value: r.funnel[k],
    text: `<b>${fmt(r.funnel[k])}</b> <span class="muted">${pct(r.funnel[k], arrived)}</span>`,
    cls: 'c-funnel',
  }));
  return `<section><h2>${esc(L.funnel)}</h2><p class="caption">${esc(L.funnelCaption)}</p>${bars(rows, arrived)}</section>`;
}

function abandonment(r: Report, L: HtmlLabels): string {
  const rows: { step: string; reason: string; n: number }[] = [];
  for (const [step, reasons] of Object.entries(r.abandoned.byStep))
    for (const [reason, n] of Object.entries(reasons)) rows.push({ step, reason, n });
  rows.sort((a, b) => b.n - a.n || a.step.localeCompare(b.step) || a.reason.localeCompare(b.reason));
  const max = rows.reduce((m, x) => Math.max(m, x.n), 0);
  const chart = bars(
    rows.map((x) => ({
      label: `<code>${esc(x.step)}</code> · ${esc(x.reason)}`,
      value: x.n,
      text: `<b>${fmt(x.n)}</b> <span class="muted">${pct(x.n, r.abandoned.total)}</span>`,
      cls: 'c-abandon',
    })),
    max,
  );
  const byStep = Object.entries(r.abandoned.byStep)
    .map(([step, reasons]) => [step, Object.values(reasons).reduce((a, b) => a + b, 0)] as const)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const tbl = table(
    [esc(L.step), esc(L.count), esc(L.percent)],
    byStep.map(([s, n]) => [`<code>${esc(s)}</code>`, fmt(n), pct(n, r.abandoned.total)]),
  );
  return `<section><h2>${esc(L.abandoned)}</h2><p class="caption">${esc(L.abandonedCaption)} ${esc(L.abandonedTotal)}: <b>${fmt(r.abandoned.total)}</b> (${pct(r.abandoned.total, r.funnel.arrived)})</p>
<div class="two"><div>${rows.length ? chart : `<p>${esc(L.none)}</p>`}</div><div>${tbl}</div></div></section>`;
}

function quota(r: Report, L: HtmlLabels): string {
  const q = r.quotaDenials;
  const rows: [string, number][] = [[L.sms, q.sms], [L.realName, q.realName], [L.manualReviewQuota, q.manualReview], [L.wechat, q.wechat]];
  return `<section class="half"><h2>${esc(L.quota)}</h2><p class="caption">${esc(L.quotaCaption)}</p>${table([esc(L.kind), esc(L.times)], rows.map(([k, n]) => [esc(k), fmt(n)]))}</section>`;
}

function peaksAndServers(r: Report, L: HtmlLabels): string {
  const p = r.peaks;
  const rows: [string, string][] = [
    [L.requestsPerSecond, fmt(p.requestsPerSecond)],
    [L.requestsPerHour, fmt(p.requestsPerHour)],
    [L.smsPerHour, fmt(p.smsPerHour)],
    [L.registryPerHour, fmt(p.registryChecksPerHour)],
    [L.concurrent, fmt(p.concurrentApplicants)],
    // Over HTTP the servers are real: the modelled pool's figures would be zeros.
    ...(r.transport ? [] : [
      [`${L.servers} · ${L.requests}`, fmt(r.servers.requests)],
      [`${L.servers} · ${L.timeouts}`, fmt(r.servers.timeouts)],
      [`${L.servers} · ${L.utilisation}`, r.servers.utilisation === 0 && r.servers.requests > 0 ? '&lt; 0.01%' : fmt(r.servers.utilisation * 100, 2) + '%'],
    ] as [string, string][]),
  ];
  return `<section class="half"><h2>${esc(L.peaks)}</h2>${table([esc(L.kind), esc(L.value)], rows.map(([k, v]) => [esc(k), v]))}</section>`;
}

function overHttp(r: Report, L: HtmlLabels): string {
  const rows = transportRows(r, L);
  if (!rows) return '';
  return `<section><h2>${esc(L.overHttp)}</h2>${table([esc(L.kind), esc(L.value)], rows.map(([k, v]) => [esc(k), esc(v)]), 2)}</section>`;
}

function review(r: Report, L: HtmlLabels): string {
  const m = r.manualReview;
  const w = m.waitWorkingDays;
  const stats: [string, string, string?][] = [
    [L.reviewSubmitted, fmt(m.submitted)],
    [L.reviewDecided, fmt(m.decided)],
    [L.reviewApproved, fmt(m.approved)],
    [L.slaBreaches, fmt(m.slaBreaches), m.slaBreaches > 0 ? 'bad' : 'good'],
  ];
  // Wait percentiles as SVG bars against the 7-working-day line.
  const waits: [string, number][] = [[L.waitP50, w.p50], [L.waitMean, w.mean], [L.waitP95, w.p95], [L.waitMax, w.max]];
  const scale = Math.max(SLA_WORKING_DAYS + 3, Math.ceil(w.max + 1));
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
    l: fmt(ll.arrivalsPerHour, 4), w: fmt(ll.meanWaitHours, 1), L: fmt(ll.meanBacklog, 3), lw: fmt(ll.arrivalsPerHour * ll.meanWaitHours, 3),
  });
  return `<section><h2>${esc(L.review)}</h2>${tiles(stats)}
<div class="two even"><div><h3>${esc(L.reviewWaitTitle)}</h3>${svg}</div>
<div><h3>${esc(L.backlogTitle)}</h3><div class="chart" id="chart-backlog"></div><p class="caption">${esc(little)}</p></div></div></section>`;
}

function latency(r: Report, L: HtmlLabels): string {
  const ops = Object.entries(r.latency).sort((a, b) => b[1].p95 - a[1].p95 || a[0].localeCompare(b[0]));
  const rows = ops.map(([op, l]) => [`<code>${esc(op)}</code>`, fmt(l.count), fmt(l.p50), fmt(l.p95), fmt(l.p99), fmt(l.max)]);
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
  return `<section><h2>${esc(L.refusals)}</h2><div class="grid3">${parts.join('') || esc(L.none)}</div></section>`;
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

const CSS = `
:root{--fg:#1a1a1a;--muted:#666;--line:#d9d9d9;--bg:#fff;--card:#fafafa;--funnel:#2f6db5;--abandon:#d0802a;--review:#3a9b6b;--bad:#c0392b}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
main{max-width:1200px;margin:0 auto;padding:24px 28px}
header h1{font-size:26px;margin:0 0 4px}
.desc{color:var(--muted);margin:0 0 12px}
dl.meta{display:flex;flex-wrap:wrap;gap:8px 28px;margin:0;padding:12px 16px;border:1px solid var(--line);border-radius:6px;background:var(--card)}
dl.meta dt{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
dl.meta dd{margin:0;font-size:16px}
section{margin:22px 0;padding:16px 18px;border:1px solid var(--line);border-radius:6px;break-inside:avoid}
h2{font-size:19px;margin:0 0 6px}
h3{font-size:15px;margin:8px 0 6px}
.caption{color:var(--muted);font-size:13px;margin:4px 0 10px}
.muted{color:var(--muted)}
code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.row{display:flex;gap:22px}.row>section{flex:1;margin:0}
.two{display:grid;grid-template-columns:3fr 2fr;gap:22px;align-items:start}
.two.even{grid-template-columns:1fr 1fr}
.grid3{display:grid;grid-template-columns:repeat(3,1fr);gap:18px;align-items:start}
.bars{display:grid;gap:6px}
.bars{grid-template-columns:max-content 1fr max-content;gap:6px 10px;align-items:center}
.bar-row{display:contents}
.bar-label{text-align:right;font-size:14px}
.bar-track{background:#eef0f3;height:22px;border-radius:3px;overflow:hidden}
.bar{height:100%}
.c-funnel{background:var(--funnel)}.c-abandon{background:var(--abandon)}
.bar-value{font-variant-numeric:tabular-nums}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{padding:4px 10px;border-bottom:1px solid var(--line);text-align:left}
th{background:#f1f3f6;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.tiles{display:flex;gap:14px;margin:6px 0 12px}
.tile{flex:1;padding:10px 14px;border:1px solid var(--line);border-radius:6px;background:var(--card)}
.tile-v{font-size:26px;font-weight:700;font-variant-numeric:tabular-nums}
.tile-k{font-size:13px;color:var(--muted)}
.tile.good .tile-v{color:var(--review)}.tile.bad .tile-v{color:var(--bad)}
svg.wait{max-width:100%;height:auto}
svg .grid{stroke:#e3e3e3}svg .tick,svg .axis{font-size:12px;fill:#555}svg .lbl{font-size:13px;fill:#222}
svg .val{font-size:13px;fill:#222;font-weight:600}
svg .c-review{fill:var(--review)}svg .c-bad{fill:var(--bad)}
svg .sla{stroke:var(--bad);stroke-width:2;stroke-dasharray:6 4}svg .sla-t{font-size:12px;fill:var(--bad);font-weight:600}
.chart{min-height:200px}
.uplot{font-family:inherit}
footer{color:var(--muted);font-size:12px;margin:20px 0}
@media print{main{max-width:none;padding:0}section{border-color:#bbb}}
`;

/** Browser side: draws the hourly charts with uPlot from the inlined data. */
const CLIENT = `
(function(){
  var D = JSON.parse(document.getElementById('report-data').textContent);
  var fmt = function(v){ return v == null ? '–' : Math.round(v).toString().replace(/\\B(?=(\\d{3})+(?!\\d))/g, ','); };
  var tz = function(ts){ return uPlot.tzDate(new Date(ts * 1e3), 'Asia/Shanghai'); };
  function width(id){ var el = document.getElementById(id); return Math.max(320, el.clientWidth || 1100); }
  var INT = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7];
  function axes(yLabel, log){
    return [
      { label: D.L.time, labelSize: 22, stroke: '#333', grid: { stroke: '#eee' } },
      { label: yLabel, labelSize: 24, size: 70, stroke: '#333', grid: { stroke: '#eee' },
        incrs: log ? undefined : INT, values: function(u, vals){ return vals.map(fmt); },
        splits: log ? function(u, i, min, max){ var out = []; for (var p = 1; p <= Math.max(max, 10); p *= 10) out.push(p); return out; } : undefined }
    ];
  }
  function draw(id, series, data, yLabel, opts){
    var el = document.getElementById(id); if (!el) return;
    var o = { width: width(id), height: (opts && opts.height) || 280, tzDate: tz, series: [{ label: D.L.time }].concat(series),
      axes: axes(yLabel, opts && opts.log), scales: { x: { time: true } }, legend: { live: false }, cursor: { show: true } };
    if (opts && opts.log) o.scales.y = { distr: 3, log: 10 };
    if (opts && opts.range) o.scales.y = Object.assign(o.scales.y || {}, { range: opts.range });
    new uPlot(o, [D.t].concat(data), el);
  }
  var nz = function(a){ return a.map(function(v){ return v > 0 ? v : null; }); };
  var load = [
    { label: D.L.requests, stroke: '#2f6db5', width: 1.5, fill: 'rgba(47,109,181,0.08)' },
    { label: D.L.arrivals, stroke: '#d0802a', width: 1.5 }
  ];
  var loadData = [nz(D.requests), nz(D.arrivals)];
  if (D.capacity) { load.push({ label: D.L.capacity, stroke: '#c0392b', width: 2, dash: [8, 5] }); loadData.push(D.t.map(function(){ return D.capacity; })); }
  draw('chart-load', load, loadData, D.L.loadAxis, { log: true, height: 320 });
  // A backend's hourly use against its capacity (SMS gateway, registry).
  function backend(id, values, label, capacity, capacityLabel, axis){
    var series = [{ label: label, stroke: '#7b4fb0', width: 1.5, fill: 'rgba(123,79,176,0.10)' }], data = [values];
    // Against the capacity the scale is logarithmic, or a small load would lie flat on the axis.
    if (capacity) { series.push({ label: capacityLabel, stroke: '#c0392b', width: 2, dash: [8, 5] }); data = [nz(values), D.t.map(function(){ return capacity; })]; }
    draw(id, series, data, axis, capacity ? { height: 240, log: true } : { height: 220, range: function(u, min, max){ return [0, Math.max(1, Math.ceil(max * 1.1))]; } });
  }
  backend('chart-sms', D.sms, D.L.sms, D.smsGateway, D.L.smsGateway, D.L.smsAxis);
  backend('chart-registry', D.registry, D.L.registryAxis, D.registryCapacity, D.L.registryCapacity, D.L.registryAxis);
  draw('chart-latency', [{ label: D.L.latencyAxis, stroke: '#2f6db5', width: 1.5 }], [nz(D.latency)], D.L.latencyAxis, { height: 220 });
  var stepped = function(){ return uPlot.paths.stepped({ align: 1 }); };
  draw('chart-desks', [
    { label: D.L.confirmationBacklog, stroke: '#2f6db5', width: 1.5, fill: 'rgba(47,109,181,0.10)', paths: stepped() },
    { label: D.L.approvalBacklog, stroke: '#d0802a', width: 1.5, paths: stepped() }
  ], [D.confirmationBacklog, D.approvalBacklog], D.L.desksAxis, { height: 260, range: function(u, min, max){ return [0, Math.max(1, Math.ceil(max * 1.1))]; } });
  draw('chart-backlog', [{ label: D.L.backlog, stroke: '#3a9b6b', width: 1.5, fill: 'rgba(58,155,107,0.15)', paths: stepped() }], [D.backlog], D.L.backlogAxis, { height: 240, range: function(u, min, max){ return [0, Math.max(1, Math.ceil(max * 1.1))]; } });
})();
`;

export function renderHtml(report: Report, options: HtmlOptions): string {
  const L = htmlLabels(options.lang);
  const cap = serverCapacity(report);
  const data = {
    t: report.timeseries.map((h) => Math.round(Date.parse(h.hour) / 1000)),
    arrivals: report.timeseries.map((h) => h.arrivals),
    requests: report.timeseries.map((h) => h.requests),
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
    L: {
      time: L.timeAxis, requests: L.requestsPerHourSeries, arrivals: L.arrivalsPerHour, capacity: L.capacityPerHour,
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
