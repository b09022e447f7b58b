import type { Comparison } from '../../sim/compare';

/** Numbers as the comparison writes them: whole ones grouped, others to 4 significant digits. */
export const fmt = (x: number) => (Number.isInteger(x) ? x.toLocaleString('en') : x.toLocaleString('en', { maximumSignificantDigits: 4 }));

export const pValue = (p: number | null) => (p === null ? '–' : p < 0.0001 ? '< 0.0001' : p.toFixed(4));

/** Which seeds ran, and what that makes of the test. */
export function designLine(c: Comparison): string {
  return c.design === 'independent'
    ? `${c.replications} replications a side on independent streams (each side's seeds derived from seed ${c.seed}, listed in compare.json); Welch's t-test on the means.`
    : `${c.replications} replications, seeds ${c.seed}…${c.seed + c.replications - 1}, the same applicants under both (common random numbers); paired t-test on the differences.`;
}

/** What the two verdicts mean; `marked` says how the significant rows stand out. */
export const holmLine = (c: Comparison, marked: string) =>
  `Means over the replications; B − A with its 95% interval and p-value. The interval alone excludes zero for about 5% of metrics by chance, so the verdict is Holm's: adjusted for the ${c.holm.m} metrics compared, it keeps the chance of any false "significant" at most ${c.holm.alpha * 100}%. ${marked}: significant after Holm.`;
