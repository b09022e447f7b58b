import { localDate, localMidnight, type Rules, WorkingCalendar } from '../../rules';

const HOUR = 3_600_000;

/**
 * Office hours on the working-day calendar (weekends, holidays and make-up days of the rules),
 * Beijing time: when the back office works, and how long a task takes in working time.
 */
export class OfficeHours {
  private readonly calendar: WorkingCalendar;
  private readonly offset: number;

  /** `hours` [open, close) on working days; `continuous` for an office that never closes (queueing checks). */
  constructor(rules: Rules, readonly hours: [number, number], private readonly continuous = false) {
    this.calendar = new WorkingCalendar(rules);
    this.offset = rules.time.utcOffsetMinutes;
  }

  private at(date: string, hour: number): number { return localMidnight(date, this.offset) + hour * HOUR; }

  /** `now` if the office is open, else when it next opens. */
  nextOpen(now: number): number {
    if (this.continuous) return now;
    let date = localDate(now, this.offset);
    for (let i = 0; i < 400; i += 1) {
      if (this.calendar.isWorkingDay(date)) {
        const open = this.at(date, this.hours[0]);
        const close = this.at(date, this.hours[1]);
        if (now < close) return Math.max(now, open);
      }
      date = this.calendar.addWorkingDays(date, 1);
      now = this.at(date, 0);
    }
    throw new Error('no working day within 400 days: check the calendar rules');
  }

  /** The next moment the office opens, strictly after `now` (a continuous office: the next working day's midnight). */
  nextOpening(now: number): number {
    let date = localDate(now, this.offset);
    for (let i = 0; i < 400; i += 1) {
      const open = this.at(date, this.continuous ? 0 : this.hours[0]);
      if (open > now && this.calendar.isWorkingDay(date)) return open;
      date = this.calendar.addWorkingDays(date, 1);
    }
    throw new Error('no working day within 400 days: check the calendar rules');
  }

  /**
   * When a task of `workMs` working time started at `start` (office open) finishes; `onWork` is
   * told each stretch of office time it takes.
   */
  finish(start: number, workMs: number, onWork?: (from: number, to: number) => void): number {
    if (this.continuous) { onWork?.(start, start + workMs); return start + workMs; }
    let t = this.nextOpen(start);
    let left = workMs;
    for (;;) {
      const close = this.at(localDate(t, this.offset), this.hours[1]);
      if (t + left <= close) { onWork?.(t, t + left); return t + left; }
      onWork?.(t, close);
      left -= close - t;
      t = this.nextOpen(close);
    }
  }

  /** Office time within [from, to). */
  openMs(from: number, to: number): number {
    let total = 0;
    for (let t = this.nextOpen(from); t < to; ) {
      const close = this.continuous ? to : this.at(localDate(t, this.offset), this.hours[1]);
      total += Math.min(close, to) - t;
      if (close >= to) break;
      t = this.nextOpen(close);
    }
    return total;
  }

  /** Working days between two moments (a wait as the 7-working-day promise counts it). */
  workingDaysBetween(from: number, to: number): number {
    return this.calendar.workingDaysBetween(localDate(from, this.offset), localDate(to, this.offset));
  }
}
