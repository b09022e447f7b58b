/**
 * Local (Beijing by default) calendar arithmetic over epoch milliseconds. "Per day" in the
 * portal means the local calendar day, so day boundaries are local midnights.
 * Dates are ISO strings YYYY-MM-DD; the offset comes from rules.time.utcOffsetMinutes.
 */
const DAY_MS = 86_400_000;

export function localDate(ms: number, offsetMinutes: number): string {
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10);
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

/** A valid calendar date, not only the right shape (no 2026-02-30). */
export function isRealDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const ms = Date.parse(`${date}T00:00:00.000Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === date;
}

/** Whole seconds from `now` until `later`, at least 1: what a Retry-After header carries. */
export function secondsUntil(now: number, later: number): number {
  return Math.max(1, Math.ceil((later - now) / 1000));
}
