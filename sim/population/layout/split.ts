/**
 * Splitting an integer range into consecutive parts in proportion to weights. A part's
 * bounds come from rounding the cumulative share, so the parts tile the range exactly and
 * each is within one of its exact share.
 */
export interface Part { index: number; lo: number; hi: number }

export class Split {
  private readonly cumulative: Float64Array;

  constructor(readonly weights: readonly number[]) {
    const total = weights.reduce((a, b) => a + b, 0);
    if (!(total > 0) || weights.some((w) => !(w >= 0))) throw new RangeError(`weights must be non-negative with a positive sum: ${weights.join(', ')}`);
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((w, i) => { sum += w; this.cumulative[i] = sum / total; });
    this.cumulative[weights.length - 1] = 1;
  }

  get length(): number { return this.weights.length; }

  /** Where part j starts inside [lo, hi); boundary(length) is hi. */
  boundary(lo: number, hi: number, j: number): number {
    return j === 0 ? lo : lo + Math.round(this.cumulative[j - 1]! * (hi - lo));
  }

  part(lo: number, hi: number, j: number): Part {
    return { index: j, lo: this.boundary(lo, hi, j), hi: this.boundary(lo, hi, j + 1) };
  }

  /** The part of [lo, hi) holding v. */
  locate(lo: number, hi: number, v: number): Part {
    let first = 0;
    let last = this.weights.length - 1;
    while (first < last) { // the first part whose end is past v
      const mid = (first + last) >> 1;
      if (this.boundary(lo, hi, mid + 1) > v) last = mid;
      else first = mid + 1;
    }
    return this.part(lo, hi, first);
  }
}
