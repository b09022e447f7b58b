import type { Report } from '../../sim/runner';
import type { HtmlLabels } from './labels';
import { esc, fmt } from './markup';

/**
 * The application servers hour by hour: utilisation and requests waiting (drawn by the page's
 * script into #chart-servers and #chart-queue), and the knee: each hour's p95 latency against its
 * requests, as SVG dots, so the load at which waiting takes off can be read off the page.
 * Over HTTP the servers were real and not modelled: nothing to draw.
 */
export function servers(r: Report, L: HtmlLabels): string {
  if (r.transport) return '';
  return `<section><h2>${esc(L.serversTitle)}</h2><div class="two even"><div class="chart" id="chart-servers"></div><div class="chart" id="chart-queue"></div></div>
<p class="caption">${esc(L.serversCaption)}</p></section>
<section><h2>${esc(L.kneeTitle)}</h2>${knee(r, L)}<p class="caption">${esc(L.kneeCaption)}</p></section>`;
}

function knee(r: Report, L: HtmlLabels): string {
  const hours = r.timeseries.filter((h) => h.requests > 0);
  const W = 720, H = 320, left = 70, right = 40, top = 12, bottom = 44;
  const maxX = niceCeil(Math.max(1, ...hours.map((h) => h.requests)));
  const maxY = niceCeil(Math.max(1, ...hours.map((h) => h.latencyP95)));
  const x = (v: number) => left + ((W - left - right) * v) / maxX;
  const y = (v: number) => H - bottom - ((H - top - bottom) * v) / maxY;
  let svg = `<svg class="wait" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(L.kneeTitle)}">`;
  for (let i = 0; i <= 4; i += 1) {
    const vx = (maxX * i) / 4, vy = (maxY * i) / 4;
    svg += `<line x1="${x(vx).toFixed(1)}" x2="${x(vx).toFixed(1)}" y1="${top}" y2="${H - bottom}" class="grid"/>`;
    svg += `<text x="${x(vx).toFixed(1)}" y="${H - bottom + 16}" class="tick" text-anchor="middle">${fmt(vx)}</text>`;
    svg += `<line x1="${left}" x2="${W - right}" y1="${y(vy).toFixed(1)}" y2="${y(vy).toFixed(1)}" class="grid"/>`;
    svg += `<text x="${left - 6}" y="${(y(vy) + 4).toFixed(1)}" class="tick" text-anchor="end">${fmt(vy)}</text>`;
  }
  for (const h of hours) {
    const overloaded = h.serverBusy + h.gatewayTimeouts > 0;
    svg += `<circle cx="${x(h.requests).toFixed(1)}" cy="${y(h.latencyP95).toFixed(1)}" r="3" class="${overloaded ? 'c-bad' : 'c-review'}"><title>${esc(h.hour)}</title></circle>`;
  }
  svg += `<text x="${(left + W - right) / 2}" y="${H - 6}" class="axis" text-anchor="middle">${esc(L.requestsPerHourSeries)}</text>`;
  svg += `<text x="14" y="${(top + H - bottom) / 2}" class="axis" text-anchor="middle" transform="rotate(-90 14 ${(top + H - bottom) / 2})">${esc(L.latencyAxis)}</text></svg>`;
  return svg;
}

/** 1, 2 or 5 times a power of ten, at least `v`: round figures on an axis. */
function niceCeil(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5, 10].map((m) => m * p).find((n) => n >= v)!;
}
