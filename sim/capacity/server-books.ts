import { HourlyTime, type HoursWire } from './hourly-time';
import { queueFigures, roundFigure, type QueueFigures } from '../queueing';

/** What the books keep of one request: when it came, when its service began, how long it took; or that it was refused. */
export type Booking =
  | { refused: true; now: number }
  | { refused?: false; now: number; start: number; service: number; timedOut: boolean };

/** What one part of a run's books hands to the whole: hours over (by `ServerBooks.takeBefore`), and at the end its totals. */
export interface ServerBooksWire {
  busy: HoursWire; wait: HoursWire;
  totals?: { requests: number; timeouts: number; busy: number; waited: number; busyUs: number; waitUs: number };
}

const US_PER_MS = 1000;

/**
 * The application servers' books: requests, refusals, timeouts, busy and waiting time, in
 * total and by hour. Times are summed in whole microseconds, so that the books of a run's parts
 * (the shards of a run over many cores, each its own) add up to the same bytes in any order.
 */
export class ServerBooks {
  /** Requests, gateway timeouts, refusals at a full backlog (busy), server time in use, time waiting for a server and requests that waited. */
  readonly stats = { requests: 0, timeouts: 0, busy: 0, busyMs: 0, waitMs: 0, waited: 0 };
  private readonly us = { busy: 0, wait: 0 };
  /** Server time in use and request time spent waiting, by hour (utilisation, mean queue). */
  private readonly hourly = { busy: new HourlyTime(), wait: new HourlyTime() };
  /** The same, summed over the hours read so far: the areas within the run's period. */
  private readonly read = { busy: 0, wait: 0 };

  constructor(private readonly servers: number) {}

  book(booking: Booking): void {
    this.stats.requests += 1;
    if (booking.refused) { this.stats.busy += 1; return; }
    const { now, start, service, timedOut } = booking;
    if (start > now) {
      this.addUs('wait', Math.round(start * US_PER_MS) - Math.round(now * US_PER_MS));
      this.stats.waited += 1;
      this.hourly.wait.add(now, start);
    }
    this.hourly.busy.add(start, start + service);
    this.addUs('busy', Math.round((start + service) * US_PER_MS) - Math.round(start * US_PER_MS));
    if (timedOut) this.stats.timeouts += 1;
  }

  private addUs(what: 'busy' | 'wait', us: number): void {
    this.us[what] += us;
    this.stats[what === 'busy' ? 'busyMs' : 'waitMs'] = this.us[what] / US_PER_MS;
  }

  /** The hour starting at `hourStart`: its utilisation and mean number waiting, once it is over. */
  hour(hourStart: number): { utilisation: number; queueLength: number } {
    const capacityUs = this.servers * 3_600_000 * US_PER_MS;
    const busy = this.hourly.busy.takeUs(hourStart);
    const wait = this.hourly.wait.takeUs(hourStart);
    this.read.busy += busy;
    this.read.wait += wait;
    return { utilisation: roundFigure(busy / capacityUs), queueLength: roundFigure(wait / (3_600_000 * US_PER_MS)) };
  }

  /** Hands over the hours before `time` (a shard's books, at a window's end: no booking made later falls in them); `Infinity` with the totals too, at the run's end. */
  takeBefore(time: number): ServerBooksWire {
    const hours = { busy: this.hourly.busy.takeBefore(time), wait: this.hourly.wait.takeBefore(time) };
    if (time !== Infinity) return hours;
    const { requests, timeouts, busy, waited } = this.stats;
    return { ...hours, totals: { requests, timeouts, busy, waited, busyUs: this.us.busy, waitUs: this.us.wait } };
  }

  /** Adds a part's books (`takeBefore`), its hours before they are read here. */
  absorb(part: ServerBooksWire): void {
    this.hourly.busy.absorb(part.busy);
    this.hourly.wait.absorb(part.wait);
    if (!part.totals) return;
    const { requests, timeouts, busy, waited, busyUs, waitUs } = part.totals;
    Object.assign(this.stats, { requests: this.stats.requests + requests, timeouts: this.stats.timeouts + timeouts, busy: this.stats.busy + busy, waited: this.stats.waited + waited });
    this.addUs('busy', busyUs);
    this.addUs('wait', waitUs);
  }

  /**
   * The servers as a queue over the hours read (`periodMs` long; the busiest of them given):
   * l, lq and utilisation are time averages within them; waits and times in system are those
   * of every request served.
   */
  figures(periodMs: number, peakHourUtilisation: number): QueueFigures {
    const { requests, busy, waited, waitMs, busyMs } = this.stats;
    const readMs = { busy: this.read.busy / US_PER_MS, wait: this.read.wait / US_PER_MS };
    return queueFigures({
      arrivals: requests, begun: requests - busy, waited, served: requests - busy,
      waitingArea: readMs.wait, systemArea: readMs.wait + readMs.busy,
      waitSum: waitMs, sojournSum: waitMs + busyMs, periodMs,
      utilisation: periodMs > 0 ? readMs.busy / (this.servers * periodMs) : 0, peakHourUtilisation,
    });
  }
}
