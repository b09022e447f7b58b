import { describe, expect, it } from 'vitest';
import { admissionRounds, type StepTrace } from '../admission-rounds';

const step = (...calls: [number, number][]): StepTrace => ({ calls: calls.map(([sentAt, answeredAt]) => ({ sentAt, answeredAt })) });

describe('admissionRounds', () => {
  it('gives each step a window of its own when they are further apart than the lookahead', () => {
    expect(admissionRounds([step([0, 5]), step([2_000, 2_005])], 1_000)).toEqual({ windows: 2, rounds: 2, calls: 2 });
  });

  it('admits in one round the first calls that start before any admitted call is answered', () => {
    expect(admissionRounds([step([0, 100]), step([50, 60])], 1_000)).toEqual({ windows: 1, rounds: 1, calls: 2 });
  });

  it('needs a round for each call of a chain, and stops other calls at the moment a chain could go on', () => {
    // A: three calls one after the other; B starts after A's first is answered, before its second.
    const rounds = admissionRounds([step([0, 10], [10, 20], [20, 30]), step([15, 16])], 1_000);
    expect(rounds).toEqual({ windows: 1, rounds: 3, calls: 4 });
  });

  it('carries a chain that runs past the window into the next one', () => {
    // The second call of the step falls after the first window [0, 1000): a window of its own.
    expect(admissionRounds([step([0, 1_500], [1_500, 1_600])], 1_000)).toEqual({ windows: 2, rounds: 2, calls: 2 });
  });
});
