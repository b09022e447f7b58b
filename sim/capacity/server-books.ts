import { HourlyTime } from './hourly-time';
import { queueFigures, type QueueFigures } from '../queueing';

/** What the books keep of one request: when it came, when its service began, how long it took; or that it was refused. */
export type Booking =
  | { refused: true; now: number }
  | { refused?: false; now: number; start: number; service: number; timedOut: boolean };

/**
 * The application servers' books: requests, refusals, timeouts, busy and waiting time, in
 * total and by hour. Kept apart from the queue itself so that a run over many cores can keep
 * them in one place, each booking entered in the order the run made it (float sums added in
 * the same order give the same bytes).
 */
export class ServerBooks {
  /** Requests, gateway timeouts, refusals at a full backlog (busy), server time in use, time waiting for a server and requests that waited. */
  readonly stats = { requests: 0, timeouts: 0, busy: 0, busyMs: 0, waitMs: 0, waited: 0 };
  /** Server time in use and request time spent waiting, by hour (utilisation, mean queue). */
  readonly hourly = { busyMs: new HourlyTime(), waitMs: new HourlyTime() };
  /** The same, summed over the hours read so far: the areas within the run's period. */
  private readonly read = { busyMs: 0, waitMs: 0 };

  constructor(private readonly servers: number) {}

  book(booking: Booking): void {
    this.stats.requests += 1;
    if (booking.refused) { this.stats.busy += 1; return; }
    const { now, start, service, timedOut } = booking;
    if (start > now) {
      this.stats.waitMs += start - now;
      this.stats.waited += 1;
      this.hourly.waitMs.add(now, start);
    }
    this.hourly.busyMs.add(start, start + service);
    this.stats.busyMs += service;
    if (timedOut) this.stats.timeouts += 1;
  }

  /** The hour starting at `hourStart`: its utilisation and mean number waiting, once it is over. */
  hour(hourStart: number): { utilisation: number; queueLength: number } {
    const capacityMs = this.servers * 3_600_000;
    const rounded = (x: number) => Number(x.toFixed(4));
    const busyMs = this.hourly.busyMs.take(hourStart);
    const waitMs = this.hourly.waitMs.take(hourStart);
    this.read.busyMs += busyMs;
    this.read.waitMs += waitMs;
    return { utilisation: rounded(busyMs / capacityMs), queueLength: rounded(waitMs / 3_600_000) };
  }

  /**
   * The servers as a queue over the hours read (`periodMs` long; the busiest of them given):
   * l, lq and utilisation are time averages within them; waits and times in system are those
   * of every request served.
   */
  figures(periodMs: number, peakHourUtilisation: number): QueueFigures {
    const { requests, busy, waited, waitMs, busyMs } = this.stats;
    return queueFigures({
      arrivals: requests, begun: requests - busy, waited, served: requests - busy,
      waitingArea: this.read.waitMs, systemArea: this.read.waitMs + this.read.busyMs,
      waitSum: waitMs, sojournSum: waitMs + busyMs, periodMs,
      utilisation: periodMs > 0 ? this.read.busyMs / (this.servers * periodMs) : 0, peakHourUtilisation,
    });
  }
}
