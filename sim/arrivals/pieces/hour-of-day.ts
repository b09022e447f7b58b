import { normalised, type RatePiece } from './piece';

/**
 * When in the day applicants come, Beijing hours 0-23. Teachers teach in the day: the
 * default peaks in the morning free periods (9-11), the afternoon (14-16) and the evening
 * (20-22), and is near zero at night. A judgement for planning, like the personas' hours.
 */
export const DEFAULT_HOUR_WEIGHTS: readonly number[] = [
  0.3, 0.15, 0.1, 0.05, 0.05, 0.1, 0.3, 0.7, // 0-7: night, early morning
  1.2, 1.9, 2.0, 1.6, 1.0, 1.1, // 8-13: morning peak, lunch
  1.8, 1.9, 1.6, 1.1, 1.0, 1.4, // 14-19: afternoon peak, dinner
  1.9, 1.9, 1.3, 0.6, // 20-23: evening peak
];

export function hourOfDay(weights: readonly number[] = DEFAULT_HOUR_WEIGHTS): RatePiece {
  const factors = normalised(weights, 24, 'hourOfDay');
  return { name: 'hour of day', factor: (slot) => factors[slot.hour]! };
}
