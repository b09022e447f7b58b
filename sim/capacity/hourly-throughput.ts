const HOUR_MS = 3_600_000;

/**
 * A backend's throughput (the SMS gateway, the public-security registry): at most `perHour`
 * uses in a clock hour. Past it the portal cannot reach the backend, and answers as it does
 * when the backend is cut (503, nothing consumed), so the applicant comes back later.
 */
export class HourlyThroughput {
  private hour = -1;
  private used = 0;

  constructor(private readonly perHour: number) {}

  /** Whether the backend can take one more use at `now`. */
  hasRoom(now: number): boolean {
    this.roll(now);
    return this.used < this.perHour;
  }

  useOne(now: number): void {
    this.roll(now);
    this.used += 1;
  }

  private roll(now: number): void {
    const hour = Math.floor(now / HOUR_MS);
    if (hour !== this.hour) { this.hour = hour; this.used = 0; }
  }
}
