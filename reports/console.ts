import stringWidth from 'string-width';
import type { Report } from '../sim/runner';
import { fmt, pct } from './format';
import { deskRows, describe, funnelRows, latencyRows, peakRows, quotaRows, reasonRows, reviewRows, type Row } from './figure-rows';
import { fill } from './html/markup';
import { LABELS, type Lang } from './labels';
import { transportRows } from './transport-rows';

const TOP_REASONS = 5;

/** Rows as `  label  value`, the labels padded to one width on the terminal (a Chinese character takes two columns). */
const lines = (rows: Row[]): string[] => {
  const width = Math.max(...rows.map(([label]) => stringWidth(label!)));
  return rows.map(([label, ...values]) => `  ${label}${' '.repeat(width - stringWidth(label!))}  ${values.join('  ')}`);
};

/**
 * What a planner reads first as a run ends, in the terminal: the same labelled figures as
 * report.md and report.html (figure-rows.ts), fewer of them.
 */
export function renderConsole(r: Report, options: { lang: Lang }): string {
  const { lang } = options;
  const L = LABELS[lang];
  const reasons = reasonRows(r, lang);
  const out = [
    `${r.scenario}: ${describe(r, lang, L)}`,
    `${L.period} ${r.period.from} → ${r.period.to} · ${L.seed} ${r.seed} · ${L.rulesPortal} ${r.portalRulesHash} · ${L.rulesSimulated} ${r.rulesHash}`,
    '', `${L.funnel} (${L.count}, ${L.ofArrived})`, ...lines(funnelRows(r, L)),
    '', `${L.gaveUp}: ${fmt(r.abandoned.total)} (${pct(r.abandoned.total, r.funnel.arrived)})${reasons.length > TOP_REASONS
      ? `, ${fill(L.topReasons, { n: String(TOP_REASONS), total: String(reasons.length) })}` : ''}`,
    ...(reasons.length > 0 ? lines(reasons.slice(0, TOP_REASONS)) : []),
    '', L.quota, ...lines(quotaRows(r, L)),
    '', L.review, ...lines(reviewRows(r, L)),
    '', L.desks, ...lines(deskRows(r, L)),
    '', L.peaks, ...lines(peakRows(r, L)),
    ...(transportRows(r, L) ? ['', L.overHttp, ...lines(transportRows(r, L)!)] : []),
    '', `${L.latency}, p95`, ...lines(latencyRows(r.latency).slice(0, 3).map(([op, , , p95]) => [`${op} p95`, p95!])),
  ];
  return out.join('\n');
}
