import { RandomStreams } from '../../random';
import { createPopulation, type PopulationConfig, type SyntheticApplicant } from '../index';

/** A population from a seed, as the simulator builds one (the 'population' stream). */
export function population(seed: number, config: Omit<PopulationConfig, 'rng'>) {
  return createPopulation({ rng: new RandomStreams(seed).stream('population'), ...config });
}

export function all(seed: number, config: Omit<PopulationConfig, 'rng'>): SyntheticApplicant[] {
  return [...population(seed, config)];
}

export const share = <T>(items: readonly T[], test: (item: T) => boolean) => items.filter(test).length / items.length;
