import type { RatePiece } from './piece';

/**
 * The rush when a window opens: teachers told by their school to register come at once.
 * The opening day is `peakMultiplier` times a usual day; the excess decays by e every
 * `decayDays` days (it halves in about 0.7 × decayDays). Day steps, not a continuous decay,
 * so "the opening day is three times a normal day" holds as stated.
 */
export function openingSpike(options: { peakMultiplier: number; decayDays: number }): RatePiece {
  const { peakMultiplier, decayDays } = options;
  if (!(peakMultiplier >= 1)) throw new RangeError(`peakMultiplier ${peakMultiplier} must be at least 1`);
  if (!(decayDays > 0)) throw new RangeError(`decayDays ${decayDays} must be positive`);
  return {
    name: `opening spike ×${peakMultiplier}, decaying over ${decayDays} days`,
    factor: (slot) => 1 + (peakMultiplier - 1) * Math.exp(-slot.day / decayDays),
  };
}
