import type { z } from 'zod';
import type { HourRow, SmallIntDistribution } from '../metrics';
import type { QueueFigures } from '../queueing';
import type { reportSchema, waitSummarySchema } from './report-schema';
import type { RunMetrics } from './run-metrics';
import type { TransportReport } from './transport';

const FUNNEL = ['arrived', 'registered', 'verified', 'submitted', 'confirmed', 'approved'] as const;

/** report.json (its schema: report-schema.ts; explained in docs/report-schema.md). */
export type Report = z.infer<typeof reportSchema>;

const round = (x: number, digits = 4) => Number(x.toFixed(digits));

export type QueueName = keyof Report['queues'];

/** Waits in working days: ended ones' figures, and those still running at the end (censored). */
export type WaitSummary = z.infer<typeof waitSummarySchema>;

const waitSummary = (waits: SmallIntDistribution, running: number[]): WaitSummary => ({
  p50: waits.percentile(50), p95: waits.percentile(95), max: waits.max(), mean: round(waits.mean()),
  censored: { count: running.length, atLeast: running.reduce((a, b) => Math.max(a, b), 0) },
});

export function buildReport(args: {
  scenario: { name: string; description: string; descriptionZh?: string }; seed: number; rulesHash: string; portalRulesHash: string; applicants: number;
  period: { from: string; to: string }; inputs: Record<string, unknown>; metrics: RunMetrics;
  /** The period's length, ms, and its hours. */
  periodMs: number; timeseries: HourRow[];
  servers: { requests: number; busy?: number; timeouts: number };
  queues: Record<QueueName, QueueFigures>;
  /** Waits still running at the end, working days so far, by desk. */
  censoredWaits: Record<'manualReview' | 'confirmation' | 'approval', number[]>;
  transport?: TransportReport;
  interrupted?: { at: string };
}): Report {
  const { metrics: m, queues } = args;
  const funnel = Object.fromEntries(FUNNEL.map((k) => [k, m.funnel.get(k)])) as Record<(typeof FUNNEL)[number], number>;
  const byStep: Record<string, Record<string, number>> = {};
  let total = 0;
  for (const step of [...m.abandoned.keys()].sort()) {
    byStep[step] = m.abandoned.get(step)!.toJSON();
    total += Object.values(byStep[step]!).reduce((a, b) => a + b, 0);
  }
  const { timeseries } = args;
  const { waits, decided, ...counts } = m.desks;
  return {
    scenario: args.scenario.name,
    description: args.scenario.description,
    ...(args.scenario.descriptionZh !== undefined ? { descriptionZh: args.scenario.descriptionZh } : {}),
    seed: args.seed,
    rulesHash: args.rulesHash,
    portalRulesHash: args.portalRulesHash,
    applicants: args.applicants,
    period: args.period,
    inputs: args.inputs,
    funnel: { ...funnel, approvedRate: funnel.arrived > 0 ? round(funnel.approved / funnel.arrived) : 0 },
    outcomes: m.outcomes.toJSON(),
    abandoned: { total, byStep },
    quotaDenials: {
      sms: m.quotaDenials.get('sms'), realName: m.quotaDenials.get('realName'),
      manualReview: m.quotaDenials.get('manualReview'), wechat: m.quotaDenials.get('wechat'),
    },
    manualReview: {
      submitted: m.review.submitted, decided: m.review.decided, approved: m.review.approved, slaBreaches: m.review.slaBreaches,
      waitWorkingDays: waitSummary(m.review.waits, args.censoredWaits.manualReview),
      littlesLaw: littlesLaw(args.queues.manualReview, args.periodMs),
    },
    onSite: {
      ...counts, decided: decided.toJSON(),
      waitWorkingDays: {
        confirmation: waitSummary(waits.confirmation, args.censoredWaits.confirmation),
        approval: waitSummary(waits.approval, args.censoredWaits.approval),
      },
      mostWaiting: {
        confirmation: timeseries.reduce((most, h) => Math.max(most, h.confirmationBacklog), 0),
        approval: timeseries.reduce((most, h) => Math.max(most, h.approvalBacklog), 0),
      },
    },
    latency: m.latency.summary(),
    peaks: { ...m.series.peaks },
    servers: {
      requests: args.servers.requests, refused: args.servers.busy ?? 0, timeouts: args.servers.timeouts,
      utilisation: queues.servers.utilisation, peakHourUtilisation: queues.servers.peakHourUtilisation,
    },
    queues,
    refusals: m.refusals.toJSON(),
    sessionExpiries: m.sessionExpiries,
    timeseries,
    ...(args.transport ? { transport: args.transport } : {}),
    ...(args.interrupted ? { interrupted: args.interrupted } : {}),
  };
}

/** Little's law on the review queue in the report's units: λ an hour, W in hours, L. */
function littlesLaw(q: QueueFigures, periodMs: number) {
  return {
    arrivalsPerHour: round(periodMs > 0 ? q.arrivals / (periodMs / 3_600_000) : 0),
    meanTimeInSystemHours: round(q.wSeconds / 3600),
    meanBacklog: q.l,
  };
}
