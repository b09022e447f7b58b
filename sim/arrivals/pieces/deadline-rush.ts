import type { RatePiece } from './piece';

/** The last `days` days of a window (the closing day included) run at `multiplier` times usual. */
export function deadlineRush(options: { days: number; multiplier: number }): RatePiece {
  const { days, multiplier } = options;
  if (!(days >= 0) || !Number.isInteger(days)) throw new RangeError(`days ${days} must be a whole number of days`);
  if (!(multiplier >= 0)) throw new RangeError(`multiplier ${multiplier} must be non-negative`);
  return {
    name: `deadline rush ×${multiplier} over the last ${days} days`,
    factor: (slot) => (slot.daysLeft < days ? multiplier : 1),
  };
}
