/** What a curve expects, hour by hour and day by day: for reports of arrivals against capacity. */
import type { ArrivalCurve } from './curve';

export interface HourlyExpectation { startMs: number; date: string; hour: number; expected: number }
export interface DailyExpectation { date: string; expected: number }

/** Expected arrivals in each Beijing hour of the window (rate × 1 hour). */
export function hourlyExpectation(curve: ArrivalCurve): HourlyExpectation[] {
  return curve.slots.map((slot, k) => ({ startMs: slot.startMs, date: slot.date, hour: slot.hour, expected: curve.rates[k]! }));
}

/** Expected arrivals on each day of the window. */
export function dailyExpectation(curve: ArrivalCurve): DailyExpectation[] {
  const days: DailyExpectation[] = [];
  curve.slots.forEach((slot, k) => {
    if (slot.hour === 0) days.push({ date: slot.date, expected: 0 });
    days[days.length - 1]!.expected += curve.rates[k]!;
  });
  return days;
}
