import type { Comparison } from '../../sim/compare';
import { designLine, fmt, holmLine, pValue } from './words';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * compare.html: the comparison as one self-contained page (no scripts, no network). Each
 * difference is drawn as its 95% interval around zero, so what moved stands out.
 */
export function renderComparisonHtml(c: Comparison, names: [string, string]): string {
  const rows = c.differences.map((d) => {
    const span = Math.max(Math.abs(d.ci?.[0] ?? d.diff), Math.abs(d.ci?.[1] ?? d.diff), 1e-9);
    const x = (v: number) => 100 + (90 * v) / span; // 0 sits at the middle of a 200-wide box
    const interval = d.ci
      ? `<svg width="200" height="18" role="img" aria-label="95% interval"><line x1="100" y1="0" x2="100" y2="18" class="zero"/><line x1="${x(d.ci[0])}" y1="9" x2="${x(d.ci[1])}" y2="9" class="${d.significantAfterHolm ? 'sig' : 'ns'}"/><circle cx="${x(d.diff)}" cy="9" r="3.5" class="${d.significantAfterHolm ? 'sig' : 'ns'}"/></svg>`
      : '';
    return `<tr class="${d.significantAfterHolm ? 'significant' : ''}"><td><code>${esc(d.metric)}</code></td><td class="num">${fmt(d.a)}</td><td class="num">${fmt(d.b)}</td><td class="num">${d.diff > 0 ? '+' : ''}${fmt(d.diff)}</td><td class="num">${d.ci ? `[${fmt(d.ci[0])}, ${fmt(d.ci[1])}]` : '–'}</td><td>${interval}</td><td class="num">${pValue(d.p)}</td><td>${d.intervalExcludesZero ? 'yes' : ''}</td><td class="num">${pValue(d.pHolm)}</td><td>${d.significantAfterHolm ? 'yes' : ''}</td></tr>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Rule comparison · ${esc(c.scenario)}</title>
<style>
body{font:15px/1.45 system-ui,"Noto Sans CJK SC",sans-serif;color:#1a1a1a;margin:0}main{max-width:1100px;margin:0 auto;padding:24px}
table{border-collapse:collapse;width:100%}th,td{padding:5px 10px;border-bottom:1px solid #ddd;text-align:left}th{background:#f1f3f6}
td.num{text-align:right;font-variant-numeric:tabular-nums}tr.significant td{font-weight:600;background:#fff8e6}
.caption{color:#666}line.zero{stroke:#999;stroke-dasharray:3 3}line.sig{stroke:#c0392b;stroke-width:3}line.ns{stroke:#7a8ca3;stroke-width:3}
circle.sig{fill:#c0392b}circle.ns{fill:#7a8ca3}
</style></head><body><main>
<h1>Rule comparison: ${esc(c.scenario)}</h1>
<p>A: ${esc(names[0])} (<code>${esc(c.rulesHash[0])}</code>) · B: ${esc(names[1])} (<code>${esc(c.rulesHash[1])}</code>) · ${esc(designLine(c))}</p>
<p class="caption">${esc(holmLine(c, 'Highlighted'))} The interval is drawn around zero.</p>
<table><thead><tr><th>metric</th><th>A</th><th>B</th><th>B − A</th><th>95% interval</th><th></th><th>p</th><th>interval excludes 0</th><th>p (Holm)</th><th>significant after Holm (m = ${c.holm.m})</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></main></body></html>
`;
}
