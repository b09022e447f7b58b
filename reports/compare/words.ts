import type { Comparison } from './compare';

/** Numbers as the comparison writes them: whole ones grouped, others to 4 significant digits. */
export const fmt = (x: number) => (Number.isInteger(x) ? x.toLocaleString('en') : x.toLocaleString('en', { maximumSignificantDigits: 4 }));

export const pValue = (p: number | null) => (p === null ? '–' : p < 0.0001 ? '< 0.0001' : p.toFixed(4));

/** Which seeds ran, and what that makes of the test. */
export function designLine(c: Comparison): string {
  const [a, b] = c.seeds;
  const runs = (first: number) => `seeds ${first}…${first + c.replications - 1}`;
  return c.design === 'independent'
    ? `${c.replications} replications a side on independent streams (A ${runs(a)}, B ${runs(b)}); Welch's t-test on the means.`
    : `${c.replications} replications, ${runs(a)}, the same applicants under both (common random numbers); paired t-test on the differences.`;
}

/** What the two verdicts mean. */
export const holmLine = (c: Comparison) =>
  `Means over the replications; B − A with its 95% interval and p-value. The interval alone excludes zero for about 5% of metrics by chance, so the verdict is Holm's: adjusted for the ${c.holm.m} metrics compared, it keeps the chance of any false "significant" at most ${c.holm.alpha * 100}%. **Bold**: significant after Holm.`;
