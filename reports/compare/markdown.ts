import type { Comparison } from './compare';

const fmt = (x: number) => (Number.isInteger(x) ? x.toLocaleString('en') : x.toLocaleString('en', { maximumSignificantDigits: 4 }));

/** compare.md: every headline metric under A and B, the difference and its 95% interval. */
export function renderComparison(c: Comparison, names: [string, string]): string {
  const rows = c.differences.map((d) => `| ${d.significant ? `**${d.metric}**` : d.metric} | ${fmt(d.a)} | ${fmt(d.b)} | ${d.diff > 0 ? '+' : ''}${fmt(d.diff)} | ${d.ci ? `[${fmt(d.ci[0])}, ${fmt(d.ci[1])}]` : '–'} | ${d.significant ? 'yes' : ''} |`);
  return [
    `# Rule comparison: ${c.scenario}`,
    '',
    `A: ${names[0]} (\`${c.rulesHash[0]}\`) · B: ${names[1]} (\`${c.rulesHash[1]}\`) · ${c.replications} replications, seeds ${c.seed}…${c.seed + c.replications - 1}, the same applicants under both (common random numbers).`,
    '',
    'Means over the replications; the difference is B − A, paired by seed, with its 95% t-interval. **Bold**: the interval excludes zero.',
    '',
    '| metric | A | B | B − A | 95% interval | significant |',
    '|---|---:|---:|---:|---:|---|',
    ...rows,
    '',
  ].join('\n');
}
