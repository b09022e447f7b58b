import type { Rules } from '../schema';
import { localDate, localMidnight } from './local-time';

/** A manual-review cycle: from one cycle start (inclusive) to the next (exclusive). */
export interface Cycle { id: string; startMs: number; endMs: number }

/** The cycle holding `ms`; its id is the local date it starts on (e.g. "2026-09-01"). */
export function reviewCycleAt(ms: number, rules: Rules): Cycle {
  const offset = rules.time.utcOffsetMinutes;
  const today = localDate(ms, offset);
  const year = Number(today.slice(0, 4));
  const starts = [...rules.manualReview.cycleStarts].sort();
  const candidates = [year - 1, year, year + 1].flatMap((y) => starts.map((md) => `${y}-${md}`));
  const index = candidates.findLastIndex((start) => start <= today);
  const start = candidates[index]!;
  const next = candidates[index + 1]!;
  return { id: start, startMs: localMidnight(start, offset), endMs: localMidnight(next, offset) };
}
