import { normalised, type RatePiece } from './piece';

/**
 * The day of the week, Sunday first (as rules' `weekday`): schools pass the word on working
 * days, so weekends are quieter. A make-up working day (调休) counts as an average weekday.
 */
export const DEFAULT_WEEKDAY_WEIGHTS: readonly number[] = [0.6, 1.15, 1.1, 1.05, 1.0, 0.95, 0.6];

export function weekday(weights: readonly number[] = DEFAULT_WEEKDAY_WEIGHTS): RatePiece {
  const factors = normalised(weights, 7, 'weekday');
  const workday = factors.slice(1, 6).reduce((a, b) => a + b, 0) / 5;
  return {
    name: 'day of week',
    factor: (slot, { calendar }) => {
      const isWeekend = slot.weekday === 0 || slot.weekday === 6;
      return isWeekend && calendar.isWorkingDay(slot.date) ? workday : factors[slot.weekday]!;
    },
  };
}
