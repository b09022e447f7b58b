import type { Report } from '../../sim/runner/report';
import type { HtmlLabels } from './labels';
import { esc, fill, fmt, table, tiles } from './markup';

/** The desks' daily capacities as the scenario's inputs give them, when they do. */
function deskCapacities(r: Report): { perPoint?: number; perBody?: number } {
  const office = r.inputs['backOffice'] as { confirmation?: { perPointPerDay?: unknown }; approval?: { perInstitutionPerDay?: unknown } } | undefined;
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  return { perPoint: num(office?.confirmation?.perPointPerDay), perBody: num(office?.approval?.perInstitutionPerDay) };
}

/**
 * 现场确认 and approval: what the confirmation points and registration bodies decided, how many
 * working days applications waited at each, and their queues hour by hour (drawn by the page's
 * script into #chart-desks).
 */
export function onSite(r: Report, L: HtmlLabels): string {
  const d = r.onSite;
  const stats: [string, string][] = [
    [L.confirmed, fmt(d.confirmed)], [L.confirmationFailed, fmt(d.confirmationFailed)], [L.changeAsked, fmt(d.messages)], [L.sentBack, fmt(d.reverted)],
  ];
  const waits = table(
    [esc(L.desk), 'p50', 'p95', esc(L.waitMax), esc(L.waitMean)],
    ([[L.confirmationBacklog, d.waitWorkingDays.confirmation], [L.approvalBacklog, d.waitWorkingDays.approval]] as const)
      .map(([k, w]) => [esc(k), fmt(w.p50), fmt(w.p95), fmt(w.max), fmt(w.mean, 2)]),
  );
  const decided = table(
    [esc(L.conclusion), esc(L.count)],
    Object.entries(d.decided).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => [esc(k), fmt(n)]),
  );
  const { perPoint, perBody } = deskCapacities(r);
  const caption = perPoint !== undefined && perBody !== undefined
    ? fill(L.desksCaption, { point: fmt(perPoint), body: fmt(perBody) })
    : L.desksCaptionUnknown;
  return `<section><h2>${esc(L.desks)}</h2>${tiles(stats)}
<div class="two even"><div><h3>${esc(L.deskWaitTitle)}</h3>${waits}<h3>${esc(L.conclusions)}</h3>${decided}</div>
<div><h3>${esc(L.desksBacklogTitle)}</h3><div class="chart" id="chart-desks"></div><p class="caption">${esc(caption)}</p></div></div></section>`;
}
