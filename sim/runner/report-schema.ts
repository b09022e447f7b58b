import { z } from 'zod';
import type { HourRow, LatencySummary } from '../metrics';
import type { QueueFigures } from '../queueing';
import type { TransportReport } from './transport';

/**
 * report.json's schema, the one place its fields are listed: the `Report` type is inferred from
 * it, thresholds name its numbers (reports/thresholds/metrics.ts), and a test holds it, a real
 * report and docs/report-schema.md (which explains each field) together. Strict objects, so a
 * field added to a report and not here fails that test.
 */
const n = z.number();

/**
 * Waits in working days: median, 95th percentile, longest and mean of the waits that ended;
 * `censored`: those still running when the run ended (how many, and the longest so far: at
 * least that long), which the figures of ended waits leave out.
 */
export const waitSummarySchema = z.strictObject({ p50: n, p95: n, max: n, mean: n, censored: z.strictObject({ count: n, atLeast: n }) });

const latencySchema = z.strictObject({ count: n, p50: n, p95: n, p99: n, max: n }) satisfies z.ZodType<LatencySummary>;

const queueSchema = z.strictObject({
  arrivals: n, served: n, utilisation: n, peakHourUtilisation: n, l: n, lq: n, wSeconds: n, wqSeconds: n, pWait: n,
}) satisfies z.ZodType<QueueFigures>;

const counts = z.record(z.string(), n);

/** report.json: what a run found, deterministic (no wall-clock figure). Fields explained in docs/report-schema.md. */
export const reportSchema = z.strictObject({
  scenario: z.string(),
  description: z.string(),
  /** The scenario's description in Chinese, when it has one. */
  descriptionZh: z.string().optional(),
  seed: n,
  /** The rules this run used: the portal's with the simulation layer on top (SIMULATION_RULES: a cheap password hash). */
  rulesHash: z.string(),
  /** The portal's rules alone (defaults, the scenario's, the rule change): the hash `serve` and an exported k6 script show. */
  portalRulesHash: z.string(),
  applicants: n,
  period: z.strictObject({ from: z.string(), to: z.string() }),
  inputs: z.record(z.string(), z.unknown()),
  funnel: z.strictObject({ arrived: n, registered: n, verified: n, submitted: n, confirmed: n, approved: n, approvedRate: n }),
  outcomes: counts,
  abandoned: z.strictObject({ total: n, byStep: z.record(z.string(), counts) }),
  quotaDenials: z.strictObject({ sms: n, realName: n, manualReview: n, wechat: n }),
  manualReview: z.strictObject({
    submitted: n, decided: n, approved: n, slaBreaches: n,
    waitWorkingDays: waitSummarySchema,
    /** Little's law on the review queue: L = λW, with W the mean time in the system (waiting and being reviewed). */
    littlesLaw: z.strictObject({ arrivalsPerHour: n, meanTimeInSystemHours: n, meanBacklog: n }),
  }),
  onSite: z.strictObject({
    confirmed: n, confirmationFailed: n, messages: n, reverted: n, decided: counts,
    waitWorkingDays: z.strictObject({ confirmation: waitSummarySchema, approval: waitSummarySchema }),
    /** The most applications waiting at an hour's end: for their 确认点, and at registration bodies (one per tier). */
    mostWaiting: z.strictObject({ confirmation: n, approval: n }),
  }),
  /** By operationId. */
  latency: z.record(z.string(), latencySchema),
  peaks: z.strictObject({ requestsPerSecond: n, requestsPerHour: n, smsPerHour: n, registryChecksPerHour: n, inProgressPeak: n, inSessionPeak: n }),
  /**
   * The application servers: requests, those refused at a full backlog (503) and answered past
   * the gateway's limit (504), the run's utilisation and its busiest hour's.
   */
  servers: z.strictObject({ requests: n, refused: n, timeouts: n, utilisation: n, peakHourUtilisation: n }),
  /** Queue figures as queueing theory names them. */
  queues: z.strictObject({ servers: queueSchema, manualReview: queueSchema, confirmation: queueSchema, approval: queueSchema }),
  refusals: counts,
  /** Calls answered SESSION_EXPIRED (a session lasts hours; applicants come back days later and sign in again): expected, not refusals. */
  sessionExpiries: n,
  /** One row an hour (sim/metrics/timeseries.ts): series to draw, not thresholds' metrics. */
  timeseries: z.array(z.custom<HourRow>()),
  /** Only in runs over HTTP: the target, time scale, errors on the wire, whether the run was aborted (sim/runner/transport.ts). */
  transport: z.custom<TransportReport>().optional(),
  /** Only when the run was stopped early (Ctrl-C): the virtual moment it stopped; the report covers the run until then. */
  interrupted: z.strictObject({ at: z.string() }).optional(),
});
