import { closedOnHolidays, deadlineRush, hourOfDay, openingSpike, weekday, type RatePiece } from './pieces';

/**
 * A window as planners describe one: three times the usual load on the opening day, fading
 * over a few days; the hour-of-day and weekday shapes; twice the load over the last three
 * days; closed on official holidays.
 */
export function defaultPieces(): RatePiece[] {
  return [
    openingSpike({ peakMultiplier: 3, decayDays: 2 }),
    hourOfDay(),
    weekday(),
    deadlineRush({ days: 3, multiplier: 2 }),
    closedOnHolidays(),
  ];
}
