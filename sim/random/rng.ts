/**
 * A seeded random stream and the draws the simulator makes from it. Every draw here uses one
 * `next()` (weighted and pick included), so two runs that differ in a rule still draw the same
 * numbers for the same decisions (common random numbers).
 */
import { Sfc32 } from './sfc32';

export abstract class Rng {
  /** The string this stream is derived from (`seed/name/...`), for forks and for reports. */
  constructor(readonly key: string) {}

  /** A float in [0, 1) (32 random bits). */
  abstract next(): number;

  /** An integer in [0, n). */
  int(n: number): number {
    if (!(Number.isInteger(n) && n > 0)) throw new RangeError(`int(n) needs a positive integer, got ${n}`);
    return Math.floor(this.next() * n);
  }

  /** True with probability p (p <= 0: never; p >= 1: always, still drawing once). */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One item, each as likely. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() from an empty list');
    return items[this.int(items.length)]!;
  }

  /** An index drawn in proportion to `weights` (non-negative, not all zero). */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) {
      if (!(w >= 0 && w < Number.POSITIVE_INFINITY)) throw new RangeError(`weight ${w} must be finite and >= 0`);
      total += w;
    }
    if (!(total > 0)) throw new RangeError('weighted() needs a positive total weight');
    let target = this.next() * total;
    let last = 0;
    for (let i = 0; i < weights.length; i += 1) {
      const w = weights[i]!;
      if (w === 0) continue;
      if (target < w) return i;
      target -= w;
      last = i;
    }
    return last; // rounding left a sliver past the end: the last positive weight takes it
  }

  /**
   * A sub-stream named `name`, e.g. one per applicant: `behaviour.fork(17)`. It derives from
   * this stream's key, not its state: forking draws nothing here, and the same name always
   * gives the same sequence, however many other forks were made or in what order.
   */
  fork(name: string | number): Rng {
    return new ForkRng(`${this.key}/${name}`);
  }
}

/** A fork: SFC32, cheap to make (see sfc32.ts). */
class ForkRng extends Rng {
  private readonly source: Sfc32;
  constructor(key: string) {
    super(key);
    this.source = new Sfc32(key);
  }
  next(): number { return this.source.next(); }
}

/** An Rng over any [0, 1) source (a named stream's seedrandom generator). */
export class SourceRng extends Rng {
  constructor(key: string, private readonly source: () => number) { super(key); }
  next(): number { return this.source(); }
}
