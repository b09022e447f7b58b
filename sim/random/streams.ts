/**
 * Named random streams from one seed. Each part of the simulation draws from its own stream,
 * so a change in how often one part draws does not shift what another part gets: two rule sets
 * run on the same seed meet the same applicants doing the same things.
 */
import seedrandom from 'seedrandom';
import { type Rng, SourceRng } from './rng';

export const STREAM_NAMES = ['population', 'behaviour', 'arrivals', 'portal', 'backOffice'] as const;
export type StreamName = (typeof STREAM_NAMES)[number];

export class RandomStreams {
  readonly seed: string;
  private readonly streams = new Map<StreamName, Rng>();

  constructor(seed: string | number) {
    this.seed = String(seed);
  }

  /** The stream `name` (the same object on every call), seeded from `${seed}/${name}`. */
  stream(name: StreamName): Rng {
    let rng = this.streams.get(name);
    if (rng === undefined) {
      if (!STREAM_NAMES.includes(name)) throw new RangeError(`unknown stream "${String(name)}"`);
      const key = `${this.seed}/${name}`;
      // Alea: fast, passes BigCrush, and seeds from a string of any length.
      rng = new SourceRng(key, seedrandom.alea(key));
      this.streams.set(name, rng);
    }
    return rng;
  }
}
