import { dateOfDay, utcOffsetText } from './local-time';

const DAY_MS = 86_400_000;
/** Local moments from 1970 up to the end of year 9999: toISOString's plain YYYY-MM-DDTHH:mm:ss.sss form. */
const LAST_PLAIN_MS = 253_402_300_800_000;

const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

/**
 * How moments leave the portal: ISO 8601 in local time with its offset (Beijing by default,
 * rules.time.utcOffsetMinutes), `2026-09-14T10:00:00.000+08:00`; null for a moment that has not
 * happened. Written out from the day's date and the time of day: a Date and its formatting, or
 * a cache of every moment formatted, cost several times more (the portal formats moments in
 * most answers).
 */
export function iso(ms: number, offsetMinutes: number): string;
export function iso(ms: number | undefined, offsetMinutes: number): string | null;
export function iso(ms: number | undefined, offsetMinutes: number): string | null {
  if (ms === undefined) return null;
  const local = ms + offsetMinutes * 60_000;
  // Negative or far moments (and NaN, which throws) as Date has them.
  if (!(local >= 0 && local < LAST_PLAIN_MS)) return new Date(local).toISOString().slice(0, -1) + offsetText(offsetMinutes);
  // A Date drops a fraction of a millisecond (the simulator's virtual moments have them).
  const whole = Math.floor(local);
  const day = Math.floor(whole / DAY_MS);
  let rest = whole - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return `${dateOfDay(day)}T${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${THREE_DIGITS[rest - seconds * 1000]}${offsetText(offsetMinutes)}`;
}

/** The offset's text, kept for the last offset asked (one per rule set). */
let lastOffset = { minutes: Number.NaN, text: '' };
function offsetText(minutes: number): string {
  if (minutes !== lastOffset.minutes) lastOffset = { minutes, text: utcOffsetText(minutes) };
  return lastOffset.text;
}
