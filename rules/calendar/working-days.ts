import type { Rules } from '../schema';
import { addDays, weekday } from './local-time';

/**
 * The working-day calendar: weekdays, minus official days off, plus make-up working days
 * (调休), from rules.calendar.holidays. A year without an entry has weekends only.
 */
export class WorkingCalendar {
  private readonly daysOff = new Map<string, string>();
  private readonly makeUp = new Set<string>();

  constructor(rules: Rules) {
    for (const year of Object.values(rules.calendar.holidays)) {
      for (const period of year.daysOff) {
        for (let d = period.from; d <= period.to; d = addDays(d, 1)) this.daysOff.set(d, period.name);
      }
      for (const d of year.makeUpWorkdays) this.makeUp.add(d);
    }
  }

  /** The holiday a date belongs to, if it is an official day off. */
  holidayOf(date: string): string | undefined {
    return this.daysOff.get(date);
  }

  isWorkingDay(date: string): boolean {
    if (this.makeUp.has(date)) return true;
    if (this.daysOff.has(date)) return false;
    const day = weekday(date);
    return day !== 0 && day !== 6;
  }

  /** The date `n` working days after `date`. */
  addWorkingDays(date: string, n: number): string {
    let d = date;
    for (let left = n; left > 0;) {
      d = addDays(d, 1);
      if (this.isWorkingDay(d)) left -= 1;
    }
    return d;
  }

  /** Working days in (from, to]: how many working days a wait from `from` to `to` took. */
  workingDaysBetween(from: string, to: string): number {
    let n = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkingDay(d)) n += 1;
    return n;
  }
}
