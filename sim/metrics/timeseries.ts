import { HOUR_COUNTS, HourTally, type HourCount, type HourTallyWire } from './hour-tally';

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

const HOUR_MS = 3_600_000;

/**
 * Hourly series and peaks. Whatever happens at a moment counts in that moment's hour and second,
 * in whatever order the run counts it (a step's calls are counted as it settles, after events of
 * later moments), so the series of a run split among workers is the sum of its parts' (`absorb`).
 * Levels (active applicants, the back office's backlogs) are sampled by `endOfHour`, which the
 * run calls at each hour's last millisecond: a desk's round at 09:00 is not in the 08:00 hour's
 * figure. An hour is closed (its 95th percentile and its busiest second taken) when the next one
 * ends: in process a step lasts seconds to minutes, never an hour. Over HTTP an answer can come
 * later than that (a server that died, a client's timeout in scaled time): it then counts in the
 * first hour still open, and in no second's tally (its own second is closed).
 */
export class TimeSeries {
  /** Rows by the hour's start; open hours also keep their tally. */
  private readonly rows = new Map<number, HourRow>();
  private readonly open = new Map<number, HourTally>();
  /** Hours before this one are closed. */
  private closedBefore = -Infinity;
  /** Hours from this one stay open whatever `endOfHour` says (see `holdOpenFrom`). */
  private openFrom = Infinity;
  private last: HourTally | undefined;
  /**
   * `inProgressPeak`: the most applicants between arrival and the journey's end at once (those
   * waiting days for a desk included); `inSessionPeak`: the most at the portal at once (between
   * their first page and a wait or the end).
   */
  readonly peaks = { requestsPerSecond: 0, smsPerHour: 0, registryChecksPerHour: 0, inProgressPeak: 0, inSessionPeak: 0, requestsPerHour: 0 };

  constructor(private readonly label: (ms: number) => string, private readonly levels: () => HourLevels) {}

  /** The hour's tally; for an hour already closed, the first still open (see the class). */
  private tally(now: number): HourTally {
    const start = Math.max(Math.floor(now / HOUR_MS) * HOUR_MS, this.closedBefore);
    // Most counts in a row are the same hour's: no map lookup for them.
    if (start === this.last?.start) return this.last;
    let tally = this.open.get(start);
    if (!tally) this.open.set(start, (tally = new HourTally(start)));
    this.last = tally;
    return tally;
  }

  /** A new hour starts with the levels of now; `endOfHour` sets them as it ends. */
  private row(start: number): HourRow {
    let row = this.rows.get(start);
    if (!row) {
      row = { hour: this.label(start), arrivals: 0, requests: 0, retries: 0, serverBusy: 0, gatewayTimeouts: 0, utilisation: 0, queueLength: 0, sms: 0, registryChecks: 0, submissions: 0, latencyP95: 0, ...this.levels() };
      this.rows.set(start, row);
    }
    return row;
  }

  count(now: number, field: HourCount, n = 1): void {
    this.tally(now).count(now, field, n);
  }

  latency(now: number, ms: number): void {
    this.tally(now).latency(ms);
  }

  /**
   * Hands over the open hours before `time`'s hour and closes them here: a part of a run split
   * among threads sends them to be absorbed by the whole. A count for them that comes after
   * goes to the first hour still open, as after `endOfHour`.
   */
  takeBefore(time: number): HourTallyWire[] {
    const start = Math.floor(time / HOUR_MS) * HOUR_MS;
    const taken: HourTallyWire[] = [];
    for (const [hour, tally] of this.open) {
      if (hour >= start) continue;
      taken.push(tally.toWire());
      this.open.delete(hour);
      if (this.last === tally) this.last = undefined;
    }
    this.closedBefore = Math.max(this.closedBefore, start);
    return taken;
  }

  /** Adds another part's hours (`takeBefore`) to this series', before they close here. */
  absorb(hours: readonly HourTallyWire[]): void {
    for (const theirs of hours) {
      if (theirs.start < this.closedBefore) throw new Error(`the hour ${this.label(theirs.start)} was absorbed after it closed`);
      this.tally(theirs.start).add(theirs);
    }
  }

  /**
   * Samples the levels of the hour containing `now`, as that hour ends, and the servers' figures
   * for it when modelled; closes the hours before it.
   */
  endOfHour(now: number, servers?: Pick<HourRow, 'utilisation' | 'queueLength'>): void {
    const start = Math.floor(now / HOUR_MS) * HOUR_MS;
    this.closeBefore(Math.min(start, this.openFrom));
    Object.assign(this.row(start), this.levels(), servers);
  }

  /**
   * Keeps the hours from `time`'s open until told otherwise: counts of moments there may still
   * come after their hour ended (a run over many cores counts a window's calls while its shards
   * run the next). Closing later changes nothing in the figures, only when they are taken.
   */
  holdOpenFrom(time: number): void {
    this.openFrom = Math.floor(time / HOUR_MS) * HOUR_MS;
  }

  observeActive(active: number): void {
    this.peaks.inProgressPeak = Math.max(this.peaks.inProgressPeak, active);
  }

  observeInSession(inSession: number): void {
    this.peaks.inSessionPeak = Math.max(this.peaks.inSessionPeak, inSession);
  }

  /** Every hour from the first to the last, those with nothing in them too (charts keep their time axis). */
  finish(): HourRow[] {
    this.closeBefore(Infinity);
    const starts = [...this.rows.keys()].sort((a, b) => a - b);
    const out: HourRow[] = [];
    if (starts.length === 0) return out;
    for (let t = starts[0]!; t <= starts.at(-1)!; t += HOUR_MS) out.push(this.row(t));
    return out;
  }

  private closeBefore(start: number): void {
    for (const [hour, tally] of [...this.open].sort(([a], [b]) => a - b)) {
      if (hour >= start) break;
      const row = this.row(hour);
      for (const field of HOUR_COUNTS) row[field] += tally.counts[field];
      if (tally.latencies.totalCount > 0) row.latencyP95 = tally.latencies.getValueAtPercentile(95);
      this.peaks.requestsPerSecond = Math.max(this.peaks.requestsPerSecond, tally.busiestSecond());
      this.peaks.smsPerHour = Math.max(this.peaks.smsPerHour, row.sms);
      this.peaks.registryChecksPerHour = Math.max(this.peaks.registryChecksPerHour, row.registryChecks);
      this.peaks.requestsPerHour = Math.max(this.peaks.requestsPerHour, row.requests);
      this.open.delete(hour);
      if (this.last === tally) this.last = undefined;
    }
    this.closedBefore = Math.max(this.closedBefore, start);
  }
}
