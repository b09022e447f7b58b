/**
 * Local (Beijing by default) calendar arithmetic over epoch milliseconds. "Per day" in the
 * portal means the local calendar day, so day boundaries are local midnights.
 * Dates are ISO strings YYYY-MM-DD; the offset comes from rules.time.utcOffsetMinutes.
 */
const DAY_MS = 86_400_000;

/** Each day's `YYYY-MM-DD`, by day number since 1970: a season touches a few hundred days. */
const days = new Map<number, string>();
const DAYS_KEPT = 4096;
/** The day asked for last: a simulation asks for the same day millions of times in a row. */
let lastDay = Number.NaN;
let lastDate = '';

/**
 * The date of day `day` (UTC days since 1970). Kept: callers alternate between a few days (the
 * back office's "from" and "to", a form's dates), where one remembered day was formatted anew
 * at each turn.
 */
export function dateOfDay(day: number): string {
  if (day === lastDay) return lastDate;
  let date = days.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (days.size >= DAYS_KEPT) days.clear();
    days.set(day, date);
  }
  lastDay = day;
  lastDate = date;
  return date;
}

export function localDate(ms: number, offsetMinutes: number): string {
  return dateOfDay(Math.floor((ms + offsetMinutes * 60_000) / DAY_MS));
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** An ISO 8601 offset: 480 → `+08:00`. */
export function utcOffsetText(offsetMinutes: number): string {
  const abs = Math.abs(offsetMinutes);
  return `${offsetMinutes < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** The local hour a moment falls in, as ISO 8601 with its offset: `2026-09-14T08:00+08:00`. */
export function localHour(ms: number, offsetMinutes: number): string {
  const hour = Math.floor((ms + offsetMinutes * 60_000) / 3_600_000) % 24;
  return `${localDate(ms, offsetMinutes)}T${pad2(hour)}:00${utcOffsetText(offsetMinutes)}`;
}

/** Epoch ms of a local date's midnight. */
export function localMidnight(date: string, offsetMinutes: number): number {
  return Date.parse(`${date}T00:00:00.000Z`) - offsetMinutes * 60_000;
}

export function nextLocalMidnight(ms: number, offsetMinutes: number): number {
  return localMidnight(localDate(ms, offsetMinutes), offsetMinutes) + DAY_MS;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00.000Z`).getUTCDay();
}

export function localMonth(ms: number, offsetMinutes: number): number {
  return Number(localDate(ms, offsetMinutes).slice(5, 7));
}

/** Dates already found real: forms carry the same birth and validity dates again and again. */
const realDates = new Set<string>();
const REAL_DATES_KEPT = 100_000;

/** A valid calendar date, not only the right shape (no 2026-02-30). */
export function isRealDate(date: string): boolean {
  if (realDates.has(date)) return true;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const ms = Date.parse(`${date}T00:00:00.000Z`);
  const real = !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === date;
  if (real) {
    if (realDates.size >= REAL_DATES_KEPT) realDates.clear();
    realDates.add(date);
  }
  return real;
}

/** Whole seconds from `now` until `later`, at least 1: what a Retry-After header carries. */
export function secondsUntil(now: number, later: number): number {
  return Math.max(1, Math.ceil((later - now) / 1000));
}
