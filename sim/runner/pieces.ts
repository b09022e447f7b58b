import type { ArrivalShape } from '../scenario';
import { closedOnHolidays, deadlineRush, hourOfDay, openingSpike, weekday, type RatePiece } from '../arrivals';

/** The arrival curve's pieces a scenario's shape names; the portal is always closed on holidays. */
export function arrivalPieces(shape: ArrivalShape): RatePiece[] {
  return [
    ...(shape.openingSpike ? [openingSpike({ peakMultiplier: shape.openingSpike.multiplier, decayDays: shape.openingSpike.decayDays })] : []),
    shape.hourOfDay ? hourOfDay(shape.hourOfDay) : hourOfDay(),
    shape.weekday ? weekday(shape.weekday) : weekday(),
    ...(shape.deadlineRush ? [deadlineRush(shape.deadlineRush)] : []),
    closedOnHolidays(),
  ];
}
