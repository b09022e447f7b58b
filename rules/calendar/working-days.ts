import type { Rules } from '../schema';
import { addDays, weekday } from './local-time';

/**
 * The working-day calendar: weekdays, minus official days off, plus make-up working days
 * (调休), from rules.calendar.holidays. A year without an entry has weekends only.
 */
export class WorkingCalendar {
  private readonly daysOff = new Map<string, string>();
  private readonly makeUp = new Set<string>();
  /**
   * Each date's answer and the date after it, once worked out: a run asks about the same few
   * hundred dates millions of times (every review and desk decision counts working days), and
   * a date's arithmetic goes through Date parsing.
   */
  private readonly working = new Map<string, boolean>();
  private readonly dayAfter = new Map<string, string>();

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
    let working = this.working.get(date);
    if (working === undefined) {
      const day = weekday(date);
      working = this.makeUp.has(date) || (!this.daysOff.has(date) && day !== 0 && day !== 6);
      this.working.set(date, working);
    }
    return working;
  }

  private next(date: string): string {
    let next = this.dayAfter.get(date);
    if (next === undefined) {
      next = addDays(date, 1);
      this.dayAfter.set(date, next);
    }
    return next;
  }

  /** The date `n` working days after `date`. */
  addWorkingDays(date: string, n: number): string {
    let d = date;
    for (let left = n; left > 0;) {
      d = this.next(d);
      if (this.isWorkingDay(d)) left -= 1;
    }
    return d;
  }

  /** Working days in (from, to]: how many working days a wait from `from` to `to` took. */
  workingDaysBetween(from: string, to: string): number {
    let n = 0;
    for (let d = this.next(from); d <= to; d = this.next(d)) if (this.isWorkingDay(d)) n += 1;
    return n;
  }
}
