/**
 * Real time, for runs over HTTP: the only place in sim/ that reads it. A real run's virtual
 * time is the server's scaled clock, seen from here (ServerTime).
 */
export const wallMs = (): number => performance.now();

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The server's clock as this process sees it: `origin` (server ms) was read at `wallOrigin`
 * (this process's wall ms), and the server runs `scale` times faster than real time.
 */
export class ServerTime {
  constructor(readonly origin: number, readonly wallOrigin: number, readonly scale: number) {}
  now(): number { return this.origin + (wallMs() - this.wallOrigin) * this.scale; }
  /** Real milliseconds until the server's clock reads `at` (negative when it is past). */
  realMsUntil(at: number): number { return (at - this.now()) / this.scale; }
}
