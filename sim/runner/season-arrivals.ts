import type { Rules } from '../../rules';
import type { Scenario } from '../scenario';
import { windowArrivals } from '../arrivals';
import { createPopulation } from '../population';
import type { RandomStreams } from '../random';
import { arrivalPieces } from './pieces';

/**
 * A season's applicants and when each comes, from the seed's streams alone: the population, and
 * each province's exact arrivals on the scenario's curve, as an iterator (one pending at a time:
 * a season of millions need not sit in memory). Nothing in it depends on what the run does, so a
 * shard of a run over many cores can draw it whole and start only its own applicants.
 */
export function seasonArrivals(scenario: Scenario, deps: { applicants: number; rules: Rules; streams: RandomStreams; from: string }) {
  const { applicants, rules, streams, from } = deps;
  const population = createPopulation({
    rng: streams.stream('population'), size: applicants, staleRate: scenario.population.staleRate, rules,
    asOf: from, provinces: Object.fromEntries(scenario.provinces.map((p) => [p.code, p.share])),
    ...(scenario.population.persona ? { persona: scenario.population.persona } : {}),
  });
  const sizes = population.provinceSizes();
  const { arrivals } = windowArrivals(
    scenario.provinces.map((p) => ({ key: p.code, window: p.window, expected: sizes.get(p.code) ?? 0 })),
    { rng: streams.stream('arrivals'), rules, pieces: arrivalPieces(scenario.arrivals), exact: true },
  );
  return { population, arrivals };
}
