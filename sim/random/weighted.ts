import type { Rng } from './rng';

/** A key of a weight table, by weight. Tables are split into keys and weights once. */
export function pickWeighted<K extends string>(rng: Rng, table: Readonly<Record<K, number>>): K {
  let split = splits.get(table) as { keys: K[]; weights: number[] } | undefined;
  if (!split) {
    split = { keys: Object.keys(table) as K[], weights: Object.values(table) };
    splits.set(table, split);
  }
  return split.keys[rng.weighted(split.weights)]!;
}
const splits = new WeakMap<object, { keys: string[]; weights: number[] }>();
