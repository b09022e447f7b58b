import { build, type Histogram } from 'hdr-histogram-js';
import { histogramBuckets, recordBuckets } from './histogram-wire';

/** What an hour counts: the same sums however its events are ordered or split. */
export type HourCount = 'arrivals' | 'requests' | 'retries' | 'serverBusy' | 'gatewayTimeouts' | 'sms' | 'registryChecks' | 'submissions';
export const HOUR_COUNTS: readonly HourCount[] = ['arrivals', 'requests', 'retries', 'serverBusy', 'gatewayTimeouts', 'sms', 'registryChecks', 'submissions'];

const HOUR_MS = 3_600_000;
const SECONDS = HOUR_MS / 1000;
/** An hour's tally as plain data, to add to another's (a run split among threads). */
export interface HourTallyWire { start: number; counts: Record<HourCount, number>; latencies: Float64Array; requestsBySecond: Uint32Array }

const hourHistogram = () => build({ lowestDiscernibleValue: 1, highestTrackableValue: HOUR_MS, numberOfSignificantValueDigits: 2, useWebAssembly: false });

/**
 * What an hour of a run counts while it is open: its counts, its calls' latencies, and its
 * requests second by second. Sums only, so two parts of a run add up to the whole (`add`).
 */
export class HourTally {
  readonly counts: Record<HourCount, number> = { arrivals: 0, requests: 0, retries: 0, serverBusy: 0, gatewayTimeouts: 0, sms: 0, registryChecks: 0, submissions: 0 };
  readonly latencies: Histogram = hourHistogram();
  private readonly requestsBySecond = new Uint32Array(SECONDS);

  constructor(readonly start: number) {}

  count(now: number, field: HourCount, n: number): void {
    this.counts[field] += n;
    // A moment before the hour (counted after its own hour closed) has no second here.
    if (field === 'requests' && now >= this.start) this.requestsBySecond[Math.floor((now - this.start) / 1000)]! += n;
  }

  latency(ms: number): void {
    this.latencies.recordValue(Math.min(HOUR_MS, Math.max(1, Math.round(ms))));
  }

  toWire(): HourTallyWire {
    return { start: this.start, counts: { ...this.counts }, latencies: histogramBuckets(this.latencies), requestsBySecond: this.requestsBySecond };
  }

  /** Adds another part's tally of the same hour (`toWire`). */
  add(other: HourTallyWire): void {
    for (const field of HOUR_COUNTS) this.counts[field] += other.counts[field];
    recordBuckets(this.latencies, other.latencies);
    for (let s = 0; s < SECONDS; s += 1) this.requestsBySecond[s]! += other.requestsBySecond[s]!;
  }

  busiestSecond(): number {
    let most = 0;
    for (let s = 0; s < SECONDS; s += 1) most = Math.max(most, this.requestsBySecond[s]!);
    return most;
  }
}
