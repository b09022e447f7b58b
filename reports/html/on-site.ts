import type { Report } from '../../sim/runner';
import type { HtmlLabels } from './labels';
import { esc, fill, fmt, table, tiles } from './markup';
import { conclusionRows, deskRows, spread, stillWaiting } from '../figure-rows';

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
  const [confirmations, failed, changes, sentBack] = deskRows(r, L) as [string, string][];
  const stats: [string, string][] = [confirmations!, failed!, changes!, sentBack!];
  const waits = table(
    [esc(L.desk), 'p50', 'p95', esc(L.waitMax), esc(L.waitMean), esc(L.stillWaitingShort)],
    ([[L.confirmationBacklog, d.waitWorkingDays.confirmation], [L.approvalBacklog, d.waitWorkingDays.approval]] as const)
      .map(([k, w]) => [esc(k), ...spread(w).split(' / ').map(esc), fmt(w.mean, 2), esc(stillWaiting(w))]),
  );
  const decided = table([esc(L.kind), esc(L.times)], conclusionRows(r, L).map((row) => row.map(esc)));
  const { perPoint, perBody } = deskCapacities(r);
  const caption = perPoint !== undefined && perBody !== undefined
    ? fill(L.desksCaption, { point: fmt(perPoint), body: fmt(perBody) })
    : L.desksCaptionUnknown;
  return `<section><h2>${esc(L.desks)}</h2>${tiles(stats)}
<div class="two even"><div><h3>${esc(L.deskWaitTitle)}</h3>${waits}<h3>${esc(L.conclusions)}</h3>${decided}</div>
<div><h3>${esc(L.desksBacklogTitle)}</h3><div class="chart" id="chart-desks"></div><p class="caption">${esc(caption)}</p></div></div></section>`;
}
