const HOUR_MS = 3_600_000;

/**
 * Time spent by something (a server busy, a request waiting), split over the clock hours it
 * spans, for the hourly series: utilisation is busy time over an hour's capacity, and the mean
 * queue is waiting time over the hour (Little's law, hour by hour). An hour is read once, when
 * it is over; what is older is dropped with it.
 */
export class HourlyTime {
  private readonly byHour = new Map<number, number>();

  /** Adds the interval [from, to). */
  add(from: number, to: number): void {
    for (let start = Math.floor(from / HOUR_MS) * HOUR_MS; start < to; start += HOUR_MS) {
      const ms = Math.min(to, start + HOUR_MS) - Math.max(from, start);
      this.byHour.set(start, (this.byHour.get(start) ?? 0) + ms);
    }
  }

  /** The time within the hour starting at `hourStart`; that hour and older ones are then forgotten. */
  take(hourStart: number): number {
    const ms = this.byHour.get(hourStart) ?? 0;
    for (const start of this.byHour.keys()) if (start <= hourStart) this.byHour.delete(start);
    return ms;
  }
}
