/**
 * A seeded bijection of [0, size): `x → (a·x + b) mod size` with a coprime to size. It is
 * what makes identifiers distinct by construction: applicant i gets slot π(i), and distinct
 * applicants get distinct slots, without remembering what was handed out (a population of
 * millions is generated one index at a time, in any order).
 *
 * With `a` near size/φ the slots of consecutive indices spread like a golden-ratio
 * (Kronecker) sequence, so any prefix of the population is evenly spread over the strata.
 */
const GOLDEN = (Math.sqrt(5) - 1) / 2;

export class AffinePermutation {
  private readonly a: bigint;
  private readonly b: bigint;
  private readonly n: bigint;
  private readonly aInverse: bigint;

  /** `jitter` and `offset` in [0, 1) come from the seeded stream. */
  constructor(readonly size: number, jitter: number, offset: number) {
    if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`permutation size ${size} must be a positive integer`);
    let a = Math.max(1, Math.floor(size * ((GOLDEN + jitter * 0.01) % 1)));
    while (gcd(a, size) !== 1) a = a + 1 < size ? a + 1 : 1;
    this.n = BigInt(size);
    this.a = BigInt(a);
    this.b = BigInt(Math.floor(offset * size) % size);
    this.aInverse = modInverse(this.a, this.n);
  }

  at(x: number): number {
    return Number((this.a * BigInt(x) + this.b) % this.n);
  }

  inverse(y: number): number {
    return Number((((BigInt(y) - this.b) % this.n + this.n) * this.aInverse) % this.n);
  }
}

function gcd(x: number, y: number): number {
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

function modInverse(a: bigint, n: bigint): bigint {
  let [oldR, r] = [a, n];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % n) + n) % n;
}
