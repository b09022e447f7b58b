/**
 * Arrivals over several windows at once: one per province (each with its own dates, size
 * and, if it likes, its own pieces), each from its own fork of the arrivals stream, merged
 * in time order. Forking by key means a province's arrivals do not change when another
 * province is added or dropped.
 */
import type { Rules } from '../../rules';
import type { Rng } from '../random';
import { arrivalCurve, type ArrivalCurve, type ArrivalWindow } from './curve';
import { mergeArrivals, type Arrival } from './merge';
import type { RatePiece } from './pieces/piece';
import { arrivalTimes } from './thinning';
import { exactArrivalTimes } from './exact';

export interface WindowSpec<K extends string = string> {
  key: K;
  window: ArrivalWindow;
  /** Expected arrivals; with `exact`, the number of arrivals (e.g. the province's population). */
  expected: number;
  /** This window's pieces; else the shared ones. */
  pieces?: readonly RatePiece[];
}

export interface WindowArrivals<K extends string> {
  curves: Map<K, ArrivalCurve>;
  arrivals: Generator<Arrival<K>, void, undefined>;
}

export function windowArrivals<K extends string>(
  specs: readonly WindowSpec<K>[],
  options: {
    rng: Rng;
    rules: Rules;
    pieces: readonly RatePiece[];
    /** Exactly `expected` arrivals per window (a fixed population), not a Poisson count. */
    exact?: boolean;
  },
): WindowArrivals<K> {
  const keys = new Set(specs.map((s) => s.key));
  if (keys.size !== specs.length) throw new RangeError('each window needs a key of its own');
  const curves = new Map(specs.map((s) => [s.key, arrivalCurve({ window: s.window, expected: s.expected, pieces: s.pieces ?? options.pieces, rules: options.rules })]));
  const times = (s: WindowSpec<K>, rng: Rng) => (options.exact ? exactArrivalTimes(curves.get(s.key)!, s.expected, rng) : arrivalTimes(curves.get(s.key)!, rng));
  const arrivals = mergeArrivals(specs.map((s) => ({ key: s.key, times: times(s, options.rng.fork(s.key)) })));
  return { curves, arrivals };
}
