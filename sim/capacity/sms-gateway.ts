const HOUR_MS = 3_600_000;

/**
 * The SMS gateway's throughput: at most `perHour` messages in a clock hour. Past it the
 * portal cannot hand a code to the gateway, and answers as it does when the gateway is cut
 * (503 SMS_GATEWAY_UNAVAILABLE, nothing consumed), so the applicant comes back later.
 */
export class SmsGateway {
  private hour = -1;
  private sent = 0;
  refused = 0;

  constructor(private readonly perHour: number) {}

  /** Whether a message can go out at `now`. */
  hasRoom(now: number): boolean {
    this.roll(now);
    return this.sent < this.perHour;
  }

  sentOne(now: number): void {
    this.roll(now);
    this.sent += 1;
  }

  private roll(now: number): void {
    const hour = Math.floor(now / HOUR_MS);
    if (hour !== this.hour) { this.hour = hour; this.sent = 0; }
  }
}
