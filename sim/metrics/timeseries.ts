/** One hour of the run (Beijing time), what happened in it and where it ended. */
export interface HourRow {
  hour: string;
  arrivals: number;
  requests: number;
  /** Of the requests, those of steps tried again after the portal failed them (pressed again, or come back later). */
  retries: number;
  /** Requests refused at the door, the servers' backlog full (503), and answered by the gateway after its limit (504). */
  serverBusy: number;
  gatewayTimeouts: number;
  /** The application servers' busy time over their capacity in the hour, and the mean number of requests waiting for one. */
  utilisation: number;
  queueLength: number;
  sms: number;
  /** Real-name checks that reached the public-security registry (verifyRealName answered 200). */
  registryChecks: number;
  submissions: number;
  /** 95th percentile of the latency of the hour's calls, ms (0 without calls). */
  latencyP95: number;
  /** At the end of the hour. */
  active: number;
  reviewBacklog: number;
  /** Applications waiting for their 确认点, and decisions waiting at registration bodies (one per tier), at the end of the hour. */
  confirmationBacklog: number;
  approvalBacklog: number;
}

/** What an hour samples at its end rather than counts. */
export type HourLevels = Pick<HourRow, 'active' | 'reviewBacklog' | 'confirmationBacklog' | 'approvalBacklog'>;

import { build, type Histogram } from 'hdr-histogram-js';

const HOUR_MS = 3_600_000;
const hourHistogram = () => build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000, numberOfSignificantValueDigits: 2, useWebAssembly: false });

/**
 * Hourly series and peaks. Counters accumulate into the current hour; levels (active
 * applicants, the back office's backlogs) are sampled by `endOfHour`, which the run calls at
 * each hour's last millisecond: a desk's round at 09:00 is not in the 08:00 hour's figure.
 */
export class TimeSeries {
  private readonly rows: HourRow[] = [];
  private current: HourRow | undefined;
  private currentStart = 0;
  /** The current hour's latencies; one histogram lives at a time. */
  private latencies: Histogram = hourHistogram();
  private secondStart = -1;
  private secondRequests = 0;
  /**
   * `inProgressPeak`: the most applicants between arrival and the journey's end at once (those
   * waiting days for a desk included); `inSessionPeak`: the most at the portal at once (between
   * their first page and a wait or the end).
   */
  readonly peaks = { requestsPerSecond: 0, smsPerHour: 0, registryChecksPerHour: 0, inProgressPeak: 0, inSessionPeak: 0, requestsPerHour: 0 };

  constructor(private readonly label: (ms: number) => string, private readonly levels: () => HourLevels) {}

  private at(now: number): HourRow {
    const start = Math.floor(now / HOUR_MS) * HOUR_MS;
    // A call answered just past the hour can be counted before an event of the hour it left:
    // a moment before the current hour counts in it, so hours stay in order and unique.
    if (this.current && start <= this.currentStart) return this.current;
    this.close();
    // Hours with nothing in them still appear, so charts keep their time axis.
    for (let t = this.current ? this.currentStart + HOUR_MS : start; t < start; t += HOUR_MS) this.rows.push(this.empty(t));
    this.currentStart = start;
    this.current = this.empty(start);
    return this.current;
  }

  /** A new hour starts with the levels of now; `endOfHour` sets them as it ends. */
  private empty(start: number): HourRow {
    return { hour: this.label(start), arrivals: 0, requests: 0, retries: 0, serverBusy: 0, gatewayTimeouts: 0, utilisation: 0, queueLength: 0, sms: 0, registryChecks: 0, submissions: 0, latencyP95: 0, ...this.levels() };
  }

  private close(): void {
    if (!this.current) return;
    if (this.latencies.totalCount > 0) this.current.latencyP95 = this.latencies.getValueAtPercentile(95);
    this.latencies.reset();
    this.peaks.smsPerHour = Math.max(this.peaks.smsPerHour, this.current.sms);
    this.peaks.registryChecksPerHour = Math.max(this.peaks.registryChecksPerHour, this.current.registryChecks);
    this.peaks.requestsPerHour = Math.max(this.peaks.requestsPerHour, this.current.requests);
    this.rows.push(this.current);
  }

  count(now: number, field: 'arrivals' | 'requests' | 'retries' | 'serverBusy' | 'gatewayTimeouts' | 'sms' | 'registryChecks' | 'submissions', n = 1): void {
    this.at(now)[field] += n;
    if (field !== 'requests') return;
    const second = Math.floor(now / 1000);
    if (second !== this.secondStart) { this.secondStart = second; this.secondRequests = 0; }
    this.secondRequests += n;
    this.peaks.requestsPerSecond = Math.max(this.peaks.requestsPerSecond, this.secondRequests);
  }

  latency(now: number, ms: number): void {
    this.at(now);
    this.latencies.recordValue(Math.min(3_600_000, Math.max(1, Math.round(ms))));
  }

  /**
   * Samples the levels of the hour containing `now`, as that hour ends, and the servers' figures
   * for it when modelled. A call made a little ahead (a step's later call) may have opened the
   * next hour already: the figures still go to their own hour's row.
   */
  endOfHour(now: number, servers?: Pick<HourRow, 'utilisation' | 'queueLength'>): void {
    const start = Math.floor(now / HOUR_MS) * HOUR_MS;
    const row = this.current && start < this.currentStart ? this.rows[this.rows.length - (this.currentStart - start) / HOUR_MS] : this.at(now);
    if (row) Object.assign(row, this.levels(), servers);
  }

  observeActive(active: number): void {
    this.peaks.inProgressPeak = Math.max(this.peaks.inProgressPeak, active);
  }

  observeInSession(inSession: number): void {
    this.peaks.inSessionPeak = Math.max(this.peaks.inSessionPeak, inSession);
  }

  finish(): HourRow[] {
    this.close();
    this.current = undefined;
    return this.rows;
  }
}
