const HOUR_MS = 3_600_000;
/** Times are summed in whole microseconds: integer sums are exact, so parts of a run add up to the same figure in any order. */
const US_PER_MS = 1000;

/** Time within clock hours, in whole microseconds, by the hour's start (ms): what one part of a run hands to another. */
export type HoursWire = [hourStart: number, us: number][];

/**
 * Time spent by something (a server busy, a request waiting), split over the clock hours it
 * spans, for the hourly series: utilisation is busy time over an hour's capacity, and the mean
 * queue is waiting time over the hour (Little's law, hour by hour). An hour is read once, when
 * it is over; what is older is dropped with it.
 */
export class HourlyTime {
  private readonly byHour = new Map<number, number>();
  /** Hours up to this one were read. */
  private readUpTo = -Infinity;

  /** Adds the interval [from, to). */
  add(from: number, to: number): void {
    const a = Math.round(from * US_PER_MS);
    const b = Math.round(to * US_PER_MS);
    for (let start = Math.floor(a / (HOUR_MS * US_PER_MS)) * HOUR_MS; start * US_PER_MS < b; start += HOUR_MS) {
      const us = Math.min(b, (start + HOUR_MS) * US_PER_MS) - Math.max(a, start * US_PER_MS);
      if (us > 0) this.addTo(start, us);
    }
  }

  private addTo(hourStart: number, us: number): void {
    this.byHour.set(hourStart, (this.byHour.get(hourStart) ?? 0) + us);
  }

  /** The time (µs) within the hour starting at `hourStart`; that hour and older ones are then forgotten. */
  takeUs(hourStart: number): number {
    const us = this.byHour.get(hourStart) ?? 0;
    for (const start of this.byHour.keys()) if (start <= hourStart) this.byHour.delete(start);
    this.readUpTo = Math.max(this.readUpTo, hourStart);
    return us;
  }

  /** Hands over the hours that start before `time` (a part of a run split among threads; they get nothing more). */
  takeBefore(time: number): HoursWire {
    const taken: HoursWire = [];
    for (const [start, us] of this.byHour) if (start < time) { taken.push([start, us]); this.byHour.delete(start); }
    return taken;
  }

  /** Adds another part's hours (`takeBefore`), before they are read here. */
  absorb(hours: HoursWire): void {
    for (const [start, us] of hours) {
      if (start <= this.readUpTo) throw new Error(`an hour starting ${start} was absorbed after it was read`);
      this.addTo(start, us);
    }
  }
}
