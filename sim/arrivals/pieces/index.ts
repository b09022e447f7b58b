export { type RatePiece, type HourSlot, type PieceContext, normalised } from './piece';
export { openingSpike } from './opening-spike';
export { deadlineRush } from './deadline-rush';
export { hourOfDay, DEFAULT_HOUR_WEIGHTS } from './hour-of-day';
export { weekday, DEFAULT_WEEKDAY_WEIGHTS } from './weekday';
export { closedOnHolidays, closedOn } from './closed';
