/** Counts by key, reported with keys sorted so the report's bytes never depend on order of arrival. */
export class Counts {
  private readonly map = new Map<string, number>();
  add(key: string, n = 1): void { this.map.set(key, (this.map.get(key) ?? 0) + n); }
  get(key: string): number { return this.map.get(key) ?? 0; }
  /** The counts as plain data, to add to another's (a run split among threads). */
  toWire(): [string, number][] { return [...this.map]; }
  /** Adds another part's counts (`toWire`). */
  absorb(part: readonly [string, number][]): void { for (const [key, n] of part) this.add(key, n); }
  toJSON(): Record<string, number> {
    return Object.fromEntries([...this.map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
}

/** Percentiles of small whole numbers (waits in working days) from their counts. */
export class SmallIntDistribution {
  private readonly counts: number[] = [];
  private n = 0;
  add(value: number): void {
    const v = Math.max(0, Math.round(value));
    this.counts[v] = (this.counts[v] ?? 0) + 1;
    this.n += 1;
  }
  get count(): number { return this.n; }
  /** The count of each value, as plain data (a run split among threads). */
  toWire(): number[] { return Array.from(this.counts, (c) => c ?? 0); }
  /** Adds another part's values (`toWire`). */
  absorb(part: readonly number[]): void {
    part.forEach((c, v) => {
      if (c === 0) return;
      this.counts[v] = (this.counts[v] ?? 0) + c;
      this.n += c;
    });
  }
  percentile(p: number): number {
    if (this.n === 0) return 0;
    const rank = Math.ceil((p / 100) * this.n);
    let seen = 0;
    for (let v = 0; v < this.counts.length; v += 1) {
      seen += this.counts[v] ?? 0;
      if (seen >= rank) return v;
    }
    return this.counts.length - 1;
  }
  max(): number { return this.n === 0 ? 0 : this.counts.length - 1; }
  mean(): number {
    let sum = 0;
    this.counts.forEach((c, v) => { sum += (c ?? 0) * v; });
    return this.n === 0 ? 0 : sum / this.n;
  }
}
