import type { Report } from '../../sim/runner';
import { LABELS, type Lang } from '../labels';
import type { ThresholdResult } from '../thresholds';
import { queueRows } from '../queue-rows';
import { transportRows } from '../transport-rows';
import { fmt, pct } from '../format';
import { conclusionRows, describe, deskRows, funnelRows, outcomeRows, peakRows, quotaRows, reasonRows, reviewRows } from '../figure-rows';
import { latencySection, table, thresholdSection } from './tables';

/**
 * report.md: what a planner or a pull-request reviewer reads first. Deterministic (the same
 * report gives the same text), so it can be diffed between runs and rule sets.
 */
export function renderMarkdown(r: Report, options: { lang: Lang; thresholds?: readonly ThresholdResult[] }): string {
  const { lang } = options;
  const L = LABELS[lang];
  const out: string[] = [
    `# ${L.report}: ${r.scenario}`,
    '',
    describe(r, lang, L),
    '',
    `${L.period}: ${r.period.from} → ${r.period.to} · ${L.seed}: ${r.seed} · ${L.applicantsRun}: ${fmt(r.applicants)}`,
    '',
    `${L.rulesPortal}: \`${r.portalRulesHash}\` · ${L.rulesSimulated}: \`${r.rulesHash}\``,
    ...(r.interrupted ? ['', `**${L.interruptedAt}: ${r.interrupted.at}**`] : []),
  ];
  out.push(...thresholdSection(options.thresholds ?? [], L));
  out.push('', `## ${L.funnel}`, '', table([L.step, L.count, L.ofArrived], funnelRows(r, L)));
  out.push('', `### ${L.outcomes}`, '', table([L.outcomes, L.count], outcomeRows(r, lang)));
  const reasons = reasonRows(r, lang);
  out.push('', `## ${L.abandoned}`, '', `${L.gaveUp}: ${fmt(r.abandoned.total)} (${pct(r.abandoned.total, r.funnel.arrived)})`, '',
    reasons.length === 0 ? L.none : table([L.stepReason, L.count, L.ofArrived], reasons));
  out.push('', `## ${L.quota}`, '', table([L.kind, L.times], quotaRows(r, L)));
  out.push('', `## ${L.review}`, '', table([L.kind, L.value], reviewRows(r, L)));
  out.push('', `## ${L.desks}`, '', table([L.kind, L.value], deskRows(r, L)));
  out.push('', `### ${L.conclusions}`, '', table([L.kind, L.times], conclusionRows(r, L)));
  out.push(...latencySection(r.latency, L));
  out.push('', `## ${L.peaks}`, '', table([L.kind, L.value], peakRows(r, L)));
  // Over HTTP the servers are real: the wire's figures instead of the modelled pool's.
  const wire = transportRows(r, L);
  if (wire) out.push('', `## ${L.overHttp}`, '', table([L.kind, L.value], wire));
  const queues = queueRows(r, L);
  out.push('', `## ${L.queues}`, '', L.queuesCaption, '', table(queues.header, queues.rows));
  // The inputs last and folded: a reviewer reads the findings first.
  out.push('', `<details><summary>${L.inputs}</summary>`, '', '```json', JSON.stringify(r.inputs, null, 2), '```', '', '</details>', '');
  return out.join('\n');
}
