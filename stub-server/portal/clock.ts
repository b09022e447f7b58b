/**
 * The portal's time source. The domain never reads the wall clock: it asks a Clock, so the
 * simulator can run it in virtual time and tests can set it.
 */
export interface Clock { now(): number }

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that stands still until set or advanced (tests, outside checks); may go backwards. */
export class SettableClock implements Clock {
  constructor(private current: number) {}
  now(): number { return this.current; }
  set(ms: number): void { this.current = ms; }
  advance(ms: number): void { this.current += ms; }
}

/** One real second is `factor` simulated seconds, from `origin` (compressed-time load runs). */
export class ScaledClock implements Clock {
  private readonly realStart = Date.now();
  constructor(private readonly factor: number, private readonly origin: number = Date.now()) {}
  now(): number { return this.origin + (Date.now() - this.realStart) * this.factor; }
}

export type ClockSpec = 'system' | 'settable' | `scaled:${number}`;

/** Parses `--clock system | settable | scaled:N`; a settable clock starts at `start` (default: now). */
export function clockFromSpec(spec: string, start?: number): Clock {
  if (spec === 'system') return systemClock;
  if (spec === 'settable') return new SettableClock(start ?? Date.now());
  const scaled = /^scaled:(\d+(?:\.\d+)?)$/.exec(spec);
  if (scaled && Number(scaled[1]) > 0) return new ScaledClock(Number(scaled[1]), start);
  throw new Error(`unknown clock "${spec}": use system, settable or scaled:N (N > 0)`);
}
