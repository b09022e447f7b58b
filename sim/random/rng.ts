import seedrandom from 'seedrandom';

/** A seeded random source: every draw of a run comes from one of these. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An index drawn with the given weights. */
  weighted(weights: readonly number[]): number;
  /** An independent sub-stream, e.g. one per applicant: same parent and key, same stream. */
  fork(key: string | number): Rng;
}

/** FNV-1a over a string: spreads a stream's name into a 32-bit seed. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * sfc32 (Chris Doty-Humphrey's small fast counter): forks happen once per applicant, millions
 * of times a run, and seeding a seedrandom generator each time costs far more than this.
 */
function sfc32(seed: number, salt: number): () => number {
  let a = seed ^ 0x9e3779b9;
  let b = salt ^ 0x243f6a88;
  let c = Math.imul(seed, 0x85ebca6b) ^ salt;
  let d = 1;
  const step = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i += 1) step(); // mix the seed in
  return step;
}

class Source implements Rng {
  constructor(readonly id: string, private readonly draw: () => number) {}

  next(): number { return this.draw(); }
  int(n: number): number { return Math.floor(this.draw() * n); }
  chance(p: number): boolean { return p > 0 && this.draw() < p; }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[this.int(items.length)]!;
  }

  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w > 0 ? w : 0;
    if (!(total > 0)) throw new RangeError('weighted: no positive weight');
    let u = this.draw() * total;
    for (let i = 0; i < weights.length; i += 1) {
      const w = weights[i]! > 0 ? weights[i]! : 0;
      if (u < w) return i;
      u -= w;
    }
    return weights.length - 1;
  }

  fork(key: string | number): Rng {
    const id = `${this.id}/${key}`;
    return new Source(id, sfc32(hash32(id), typeof key === 'number' ? key : hash32(String(key))));
  }
}

/**
 * Named streams from one seed (population, behaviour, arrivals, portal, backOffice): each
 * draws independently, so a rule change that alters how many draws one part makes leaves
 * the others' draws alone (common random numbers across two rule sets).
 */
export class RandomStreams {
  private readonly streams = new Map<string, Rng>();
  constructor(readonly seed: number | string) {}

  stream(name: string): Rng {
    let s = this.streams.get(name);
    if (!s) {
      const id = `${this.seed}/${name}`;
      const generator = seedrandom.alea(id);
      s = new Source(id, () => generator());
      this.streams.set(name, s);
    }
    return s;
  }
}
