/**
 * A piece of an arrival curve: a factor of the rate, looked up per Beijing clock hour. The
 * curve multiplies its pieces and scales the product so the window's expected arrivals come
 * out right; so a piece says only "how much busier than usual", and 1 means usual.
 * Pieces are constant within an hour, which keeps the curve an exact table: its integral,
 * its maximum and its report are sums over hours, not approximations.
 */
import type { Rules, WorkingCalendar } from '../../../rules';

/** One Beijing clock hour of a window. */
export interface HourSlot {
  /** Epoch ms of the hour's start. */
  startMs: number;
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** 0-23, local. */
  hour: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Days since the window opened: 0 on the opening day. */
  day: number;
  /** Days until the window closes: 0 on the last day. */
  daysLeft: number;
}

export interface PieceContext {
  rules: Rules;
  calendar: WorkingCalendar;
}

export interface RatePiece {
  /** Named in reports, e.g. "opening spike ×3, halving in 1.4 days". */
  readonly name: string;
  factor(slot: HourSlot, context: PieceContext): number;
}

/** Weights scaled to average 1, so a profile changes the shape, never the total. */
export function normalised(weights: readonly number[], expectedLength: number, what: string): number[] {
  if (weights.length !== expectedLength) throw new RangeError(`${what} takes ${expectedLength} weights, got ${weights.length}`);
  if (weights.some((w) => !(w >= 0))) throw new RangeError(`${what} weights must be non-negative numbers`);
  const mean = weights.reduce((a, b) => a + b, 0) / weights.length;
  if (!(mean > 0)) throw new RangeError(`${what} weights must not all be zero`);
  return weights.map((w) => w / mean);
}
