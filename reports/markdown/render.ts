import type { Report } from '../../sim/runner';
import { LABELS, type Lang } from '../labels';
import type { ThresholdResult } from '../thresholds';
import { queueRows } from '../queue-rows';
import { transportRows } from '../transport-rows';

const FUNNEL = ['arrived', 'registered', 'verified', 'submitted', 'confirmed', 'approved'] as const;
const n = (x: number) => x.toLocaleString('en');
const pct = (x: number, of: number) => (of > 0 ? `${((100 * x) / of).toFixed(1)}%` : '–');
const spread = (w: { p50: number; p95: number; max: number }) => `${w.p50} / ${w.p95} / ${w.max}`;
/** A Markdown table; columns of numbers (counts, percentages, ms) align right. */
const table = (head: string[], rows: (string | number)[][]) => {
  const numeric = head.map((_, i) => rows.length > 0 && rows.every((r) => /^[-\d.,%/ –]+$/.test(String(r[i]))));
  return [`| ${head.join(' | ')} |`, `|${numeric.map((right) => (right ? '---:' : '---')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
};

/**
 * report.md: what a planner or a pull-request reviewer reads first. Deterministic (the same
 * report gives the same text), so it can be diffed between runs and rule sets.
 */
export function renderMarkdown(r: Report, options: { lang: Lang; thresholds?: readonly ThresholdResult[] }): string {
  const L = LABELS[options.lang];
  const f = r.funnel;
  const out: string[] = [
    `# ${L.report}: ${r.scenario}`,
    '',
    `${r.description}`,
    '',
    `${L.period}: ${r.period.from} → ${r.period.to} · ${L.seed}: ${r.seed} · ${L.rules}: \`${r.rulesHash}\``,
    ...(r.interrupted ? ['', `**${L.interruptedAt}: ${r.interrupted.at}**`] : []),
  ];
  if (options.thresholds && options.thresholds.length > 0) {
    out.push('', `## ${L.thresholds}`, '', table([L.threshold, L.actual, L.result], options.thresholds.map((t) => [
      `\`${t.threshold.line}\``, t.actual === null ? '–' : String(t.actual), t.passed ? L.passed : `**${L.failed}**`,
    ])));
  }
  out.push('', `## ${L.funnel}`, '', table([L.step, L.count, L.ofArrived], FUNNEL.map((k) => [L[k], n(f[k]), pct(f[k], f.arrived)])));
  out.push('', `${L.outcomes}: ${Object.entries(r.outcomes).map(([k, v]) => `${k} ${n(v)}`).join(', ')}`);

  const reasons = Object.entries(r.abandoned.byStep)
    .flatMap(([step, byReason]) => Object.entries(byReason).map(([reason, count]) => ({ step, reason, count })))
    .sort((a, b) => b.count - a.count || a.step.localeCompare(b.step) || a.reason.localeCompare(b.reason));
  out.push('', `## ${L.abandoned}`, '', reasons.length === 0 ? L.none
    : table([L.step, L.reason, L.count, L.ofArrived], reasons.map((x) => [x.step, x.reason, n(x.count), pct(x.count, f.arrived)])));

  const q = r.quotaDenials;
  out.push('', `## ${L.quota}`, '', table([L.kind, L.count], [[L.sms, n(q.sms)], [L.realName, n(q.realName)], [L.manualReviewQuota, n(q.manualReview)]]));

  const m = r.manualReview;
  out.push('', `## ${L.review}`, '', table([L.kind, L.count], [
    [L.reviewSubmitted, n(m.submitted)], [L.reviewDecided, n(m.decided)], [L.slaBreaches, n(m.slaBreaches)],
    [L.wait, spread(m.waitWorkingDays)],
  ]));

  const d = r.onSite;
  out.push('', `## ${L.desks}`, '', table([L.kind, L.count], [
    [L.confirmed, n(d.confirmed)], [L.confirmationFailed, n(d.confirmationFailed)], [L.changeAsked, n(d.messages)], [L.sentBack, n(d.reverted)],
    [L.confirmationWait, spread(d.waitWorkingDays.confirmation)], [L.approvalWait, spread(d.waitWorkingDays.approval)],
    [L.mostWaiting, `${n(d.mostWaiting.confirmation)} / ${n(d.mostWaiting.approval)}`],
  ]));

  out.push('', `## ${L.latency}`, '', table([L.operation, L.count, 'p50', 'p95', 'p99'],
    Object.entries(r.latency).sort((a, b) => b[1].p95 - a[1].p95 || a[0].localeCompare(b[0])).map(([op, l]) => [op, n(l.count), l.p50, l.p95, l.p99])));

  // Over HTTP the servers are real: the modelled pool's figures would be zeros.
  const wire = transportRows(r, L);
  out.push('', `## ${L.peaks}`, '', table([L.kind, L.count], [
    [L.requestsPerSecond, n(r.peaks.requestsPerSecond)], [L.requestsPerHour, n(r.peaks.requestsPerHour)],
    [L.smsPerHour, n(r.peaks.smsPerHour)], [L.registryPerHour, n(r.peaks.registryChecksPerHour)], [L.concurrent, n(r.peaks.inProgressPeak)], [L.inSession, n(r.peaks.inSessionPeak)],
    ...(wire ? [] : [
      [`${L.servers}: ${L.utilisation}`, pct(r.servers.utilisation, 1)], [`${L.servers}: ${L.peakHourUtilisation}`, pct(r.servers.peakHourUtilisation, 1)],
      [`${L.servers}: ${L.refusedBusy}`, n(r.servers.refused)], [`${L.servers}: ${L.timeouts}`, n(r.servers.timeouts)],
    ]),
  ]));
  if (wire) out.push('', `## ${L.overHttp}`, '', table([L.kind, L.value], wire));
  const queues = queueRows(r, L);
  out.push('', `## ${L.queues}`, '', L.queuesCaption, '', table(queues.header, queues.rows));

  out.push('', `## ${L.inputs}`, '', '```json', JSON.stringify(r.inputs, null, 2), '```', '');
  return out.join('\n');
}
