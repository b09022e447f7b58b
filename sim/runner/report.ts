import type { HourRow, LatencySummary, SmallIntDistribution } from '../metrics';
import type { QueueFigures } from '../queueing';
import type { RunMetrics } from './run-metrics';
import type { TransportReport } from './transport';

const FUNNEL = ['arrived', 'registered', 'verified', 'submitted', 'confirmed', 'approved'] as const;

/** report.json: what a run found, deterministic (no wall-clock figure). Schema: docs/report-schema.md. */
export interface Report {
  scenario: string;
  description: string;
  /** The scenario's description in Chinese, when it has one. */
  descriptionZh?: string;
  seed: number;
  /** The rules this run used: the portal's with the simulation layer on top (SIMULATION_RULES: a cheap password hash). */
  rulesHash: string;
  /** The portal's rules alone (defaults, the scenario's, the rule change): the hash `serve` and an exported k6 script show. */
  portalRulesHash: string;
  applicants: number;
  period: { from: string; to: string };
  inputs: Record<string, unknown>;
  funnel: Record<(typeof FUNNEL)[number], number> & { approvedRate: number };
  outcomes: Record<string, number>;
  abandoned: { total: number; byStep: Record<string, Record<string, number>> };
  quotaDenials: { sms: number; realName: number; manualReview: number; wechat: number };
  manualReview: {
    submitted: number; decided: number; approved: number; slaBreaches: number;
    waitWorkingDays: WaitSummary;
    /** Little's law on the review queue: L = λW, with W the mean time in the system (waiting and being reviewed). */
    littlesLaw: { arrivalsPerHour: number; meanTimeInSystemHours: number; meanBacklog: number };
  };
  onSite: {
    confirmed: number; confirmationFailed: number; messages: number; reverted: number; decided: Record<string, number>;
    waitWorkingDays: { confirmation: WaitSummary; approval: WaitSummary };
    /** The most applications waiting at an hour's end: for their 确认点, and at registration bodies (one per tier). */
    mostWaiting: { confirmation: number; approval: number };
  };
  latency: Record<string, LatencySummary>;
  peaks: { requestsPerSecond: number; requestsPerHour: number; smsPerHour: number; registryChecksPerHour: number; inProgressPeak: number; inSessionPeak: number };
  /**
   * The application servers: requests, those refused at a full backlog (503) and answered past
   * the gateway's limit (504), the run's utilisation and its busiest hour's.
   */
  servers: { requests: number; refused: number; timeouts: number; utilisation: number; peakHourUtilisation: number };
  /** Queue figures as queueing theory names them (docs/report-schema.md). */
  queues: Record<QueueName, QueueFigures>;
  refusals: Record<string, number>;
  /** Calls answered SESSION_EXPIRED (a session lasts hours; applicants come back days later and sign in again): expected, not refusals. */
  sessionExpiries: number;
  timeseries: HourRow[];
  /** Only in runs over HTTP: the target, time scale, errors on the wire, whether the run was aborted. */
  transport?: TransportReport;
  /** Only when the run was stopped early (Ctrl-C): the virtual moment it stopped; the report covers the run until then. */
  interrupted?: { at: string };
}

const round = (x: number, digits = 4) => Number(x.toFixed(digits));

export type QueueName = 'servers' | 'manualReview' | 'confirmation' | 'approval';

/**
 * Waits in working days: median, 95th percentile, longest and mean of the waits that ended;
 * `censored`: those still running when the run ended (how many, and the longest so far: at
 * least that long), which the figures of ended waits leave out.
 */
export interface WaitSummary { p50: number; p95: number; max: number; mean: number; censored: { count: number; atLeast: number } }

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
