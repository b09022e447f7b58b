/**
 * An arrival curve: the rate λ(t) (applicants per hour) over one window, the product of its
 * pieces scaled so that the expected number of arrivals over the window is `expected`.
 * The window runs from the local midnight opening `from` to the local midnight after `to`
 * (Beijing dates, both included). λ is constant within each Beijing hour.
 */
import { WorkingCalendar, addDays, localMidnight, weekday, type Rules } from '../../rules';
import type { HourSlot, PieceContext, RatePiece } from './pieces/piece';

const HOUR_MS = 3_600_000;

/** A window in local (Beijing) dates, both included. */
export interface ArrivalWindow { from: string; to: string }

export interface CurveOptions {
  window: ArrivalWindow;
  /** Expected arrivals over the whole window. */
  expected: number;
  pieces: readonly RatePiece[];
  rules: Rules;
}

export interface ArrivalCurve {
  readonly window: ArrivalWindow;
  readonly expected: number;
  readonly pieces: readonly RatePiece[];
  readonly startMs: number;
  readonly endMs: number;
  /** The hours of the window, in order, and the rate in each (applicants per hour). */
  readonly slots: readonly HourSlot[];
  readonly rates: Float64Array;
  /** λ at `ms`, applicants per hour; 0 outside the window. */
  rateAt(ms: number): number;
  /** The highest hourly rate of the window. */
  readonly maxRate: number;
  /** Expected arrivals in [a, b). */
  expectedBetween(a: number, b: number): number;
}

export function arrivalCurve(options: CurveOptions): ArrivalCurve {
  const { window, expected, pieces, rules } = options;
  if (!(window.from <= window.to)) throw new RangeError(`the window ${window.from} – ${window.to} ends before it starts`);
  if (!(expected >= 0)) throw new RangeError(`expected arrivals ${expected} must be non-negative`);
  const offset = rules.time.utcOffsetMinutes;
  const context: PieceContext = { rules, calendar: new WorkingCalendar(rules) };

  const slots: HourSlot[] = [];
  const days: string[] = [];
  for (let d = window.from; d <= window.to; d = addDays(d, 1)) days.push(d);
  days.forEach((date, day) => {
    const midnight = localMidnight(date, offset);
    for (let hour = 0; hour < 24; hour += 1) {
      slots.push({ startMs: midnight + hour * HOUR_MS, date, hour, weekday: weekday(date), day, daysLeft: days.length - 1 - day });
    }
  });

  const shape = slots.map((slot) => pieces.reduce((product, piece) => product * piece.factor(slot, context), 1));
  if (shape.some((f) => !(f >= 0) || !Number.isFinite(f))) throw new RangeError('a piece gave a negative or non-finite factor');
  const total = shape.reduce((a, b) => a + b, 0);
  if (expected > 0 && total === 0) throw new RangeError(`the window ${window.from} – ${window.to} has no open hour: every hour has a factor of 0`);
  const scale = total === 0 ? 0 : expected / total;
  const rates = Float64Array.from(shape, (f) => f * scale);
  // cumulative[k]: expected arrivals before hour k.
  const cumulative = new Float64Array(rates.length + 1);
  rates.forEach((r, k) => { cumulative[k + 1] = cumulative[k]! + r; });

  const startMs = slots[0]!.startMs;
  const endMs = startMs + slots.length * HOUR_MS;
  const slotOf = (ms: number) => Math.floor((ms - startMs) / HOUR_MS);
  /** Expected arrivals in [startMs, ms). */
  const before = (ms: number) => {
    if (ms <= startMs) return 0;
    if (ms >= endMs) return cumulative[rates.length]!;
    const k = slotOf(ms);
    return cumulative[k]! + rates[k]! * ((ms - startMs) / HOUR_MS - k);
  };

  return {
    window,
    expected,
    pieces,
    startMs,
    endMs,
    slots,
    rates,
    rateAt: (ms) => (ms >= startMs && ms < endMs ? rates[slotOf(ms)]! : 0),
    maxRate: rates.reduce((a, b) => Math.max(a, b), 0),
    expectedBetween: (a, b) => (b > a ? before(b) - before(a) : 0),
  };
}
