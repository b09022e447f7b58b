import type { Report, WaitSummary } from '../sim/runner';
import { fmt, pct } from './format';
import { outcomeName, reasonName, stepName } from './journey-names';
import type { Labels, Lang } from './labels';

/**
 * The figures of a run, as labelled rows: the one definition the console, report.md and
 * report.html all show, so a label means one number wherever it stands. Each row is
 * [label, value, ...more columns], values already written (format.ts).
 */
export type Row = string[];

const FUNNEL = ['arrived', 'registered', 'verified', 'submitted', 'confirmed', 'approved'] as const;

/** Applicants reaching each point, and their share of those who arrived. */
export const funnelRows = (r: Report, L: Labels): Row[] =>
  FUNNEL.map((k) => [L[k], fmt(r.funnel[k]), pct(r.funnel[k], r.funnel.arrived)]);

/** Where and why applicants gave up, most first: step · reason, applicants, % of arrived. */
export function reasonRows(r: Report, lang: Lang): Row[] {
  return Object.entries(r.abandoned.byStep)
    .flatMap(([step, byReason]) => Object.entries(byReason).map(([reason, count]) => ({ step, reason, count })))
    .sort((a, b) => b.count - a.count || a.step.localeCompare(b.step) || a.reason.localeCompare(b.reason))
    .map(({ step, reason, count }) => [`${stepName(step, lang)} · ${reasonName(reason, lang)}`, fmt(count), pct(count, r.funnel.arrived)]);
}

/** The applicants' final states (applicants, not applications). */
export const outcomeRows = (r: Report, lang: Lang): Row[] =>
  Object.entries(r.outcomes).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([state, n]) => [outcomeName(state, lang), fmt(n)]);

export const quotaRows = (r: Report, L: Labels): Row[] => {
  const q = r.quotaDenials;
  return [[L.sms, fmt(q.sms)], [L.wechat, fmt(q.wechat)], [L.realName, fmt(q.realName)], [L.manualReviewQuota, fmt(q.manualReview)]];
};

/**
 * The longest wait: of those that ended, unless one still running at the end is already
 * longer, when it is only a lower bound (`atLeast`).
 */
export function longestWait(w: WaitSummary): { days: number; atLeast: boolean } {
  const atLeast = w.censored.count > 0 && w.censored.atLeast > w.max;
  return { days: atLeast ? w.censored.atLeast : w.max, atLeast };
}

/** p50 / p95 / max of the waits, the max written "≥ n" when it is a lower bound. */
export function spread(w: WaitSummary): string {
  const longest = longestWait(w);
  return `${fmt(w.p50)} / ${fmt(w.p95)} / ${longest.atLeast ? '≥ ' : ''}${fmt(longest.days)}`;
}

/** Waits the run's end cut off: how many, and the longest so far (at least that long). */
export const stillWaiting = (w: WaitSummary): string => `${fmt(w.censored.count)} / ${w.censored.count > 0 ? `≥ ${fmt(w.censored.atLeast)}` : '–'}`;

export function reviewRows(r: Report, L: Labels): Row[] {
  const m = r.manualReview;
  return [
    [L.reviewSubmitted, fmt(m.submitted)], [L.reviewDecided, fmt(m.decided)], [L.reviewApproved, fmt(m.approved)],
    [L.slaBreaches, fmt(m.slaBreaches)], [L.wait, spread(m.waitWorkingDays)], [L.stillWaiting, stillWaiting(m.waitWorkingDays)],
  ];
}

export function deskRows(r: Report, L: Labels): Row[] {
  const d = r.onSite;
  const { confirmation, approval } = d.waitWorkingDays;
  return [
    [L.confirmations, fmt(d.confirmed)], [L.confirmationFailed, fmt(d.confirmationFailed)], [L.changeAsked, fmt(d.messages)], [L.sentBack, fmt(d.reverted)],
    [L.confirmationWait, spread(confirmation)], [`${L.confirmationWait}: ${L.stillWaitingShort}`, stillWaiting(confirmation)],
    [L.approvalWait, spread(approval)], [`${L.approvalWait}: ${L.stillWaitingShort}`, stillWaiting(approval)],
    [L.mostWaiting, `${fmt(d.mostWaiting.confirmation)} / ${fmt(d.mostWaiting.approval)}`],
  ];
}

/** Applications by their final conclusion (an applicant with two certificates counts twice). */
export const conclusionRows = (r: Report, L: Labels): Row[] =>
  Object.entries(r.onSite.decided).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([conclusion, n]) => [L.applicationsWith.replace('{conclusion}', conclusion), fmt(n)]);

/** Peaks of load, and the modelled servers' own figures (none over HTTP: the servers were real). */
export function peakRows(r: Report, L: Labels): Row[] {
  const p = r.peaks;
  return [
    [L.requestsPerSecond, fmt(p.requestsPerSecond)], [L.requestsPerHour, fmt(p.requestsPerHour)],
    [L.smsPerHour, fmt(p.smsPerHour)], [L.registryPerHour, fmt(p.registryChecksPerHour)],
    [L.concurrent, fmt(p.inProgressPeak)], [L.inSession, fmt(p.inSessionPeak)],
    ...(r.transport ? [] : [
      [`${L.servers}: ${L.requests}`, fmt(r.servers.requests)],
      [`${L.servers}: ${L.utilisation}`, pct(r.servers.utilisation, 1, 2)], [`${L.servers}: ${L.peakHourUtilisation}`, pct(r.servers.peakHourUtilisation, 1, 2)],
      [`${L.servers}: ${L.refusedBusy}`, fmt(r.servers.refused)], [`${L.servers}: ${L.timeouts}`, fmt(r.servers.timeouts)],
    ]),
  ];
}

/** A latency in ms: whole ms, or two decimals below 10 ms (measured runs have fractions). */
const ms = (x: number) => fmt(x, Number.isInteger(x) || x >= 10 ? 0 : 2);

/** Latency per operation (a report's, or a k6 run's), slowest p95 first: operation, calls, p50, p95, p99, max (ms). */
export const latencyRows = (latency: Report['latency']): Row[] =>
  Object.entries(latency).sort((a, b) => b[1].p95 - a[1].p95 || a[0].localeCompare(b[0]))
    .map(([op, l]) => [op, fmt(l.count), ms(l.p50), ms(l.p95), ms(l.p99), ms(l.max)]);

/** The scenario's description in the report's language, saying so when the run had another number of applicants. */
export function describe(r: Report, lang: Lang, L: Labels): string {
  const text = lang === 'zh' && r.descriptionZh ? r.descriptionZh : r.description;
  return r.inputs['applicants'] !== undefined && r.inputs['applicants'] !== r.applicants ? `${text} (${L.applicantsRun}: ${fmt(r.applicants)})` : text;
}
