/**
 * The q-quantile of Binomial(n, p): the smallest k with P(X ≤ k) ≥ q. The A/A tests' tolerance
 * for the count of false flags, were every test an independent 5% coin.
 */
export function binomialQuantile(n: number, p: number, q: number): number {
  let pmf = (1 - p) ** n; // P(X = 0)
  if (pmf === 0) throw new RangeError(`binomialQuantile: (1 − p)^n underflows for n = ${n}`);
  let cdf = pmf;
  let k = 0;
  while (cdf < q && k < n) {
    pmf *= ((n - k) / (k + 1)) * (p / (1 - p));
    k += 1;
    cdf += pmf;
  }
  return k;
}
