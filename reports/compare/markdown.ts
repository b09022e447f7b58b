import type { Comparison } from '../../sim/compare';
import { designLine, fmt, holmLine, pValue } from './words';

/** compare.md: every headline metric under A and B, the difference, its 95% interval, p-value and Holm's verdict. */
export function renderComparison(c: Comparison, names: [string, string]): string {
  const rows = c.differences.map((d) => `| ${d.significantAfterHolm ? `**${d.metric}**` : d.metric} | ${fmt(d.a)} | ${fmt(d.b)} | ${d.diff > 0 ? '+' : ''}${fmt(d.diff)} | ${d.ci ? `[${fmt(d.ci[0])}, ${fmt(d.ci[1])}]` : '–'} | ${pValue(d.p)} | ${d.intervalExcludesZero ? 'yes' : ''} | ${pValue(d.pHolm)} | ${d.significantAfterHolm ? '**yes**' : ''} |`);
  return [
    `# Rule comparison: ${c.scenario}`,
    '',
    `A: ${names[0]} (\`${c.rulesHash[0]}\`) · B: ${names[1]} (\`${c.rulesHash[1]}\`) · ${designLine(c)}`,
    '',
    holmLine(c, '**Bold**'),
    '',
    `| metric | A | B | B − A | 95% interval | p | interval excludes 0 | p (Holm) | significant after Holm (m = ${c.holm.m}) |`,
    '|---|---:|---:|---:|---:|---:|---|---:|---|',
    ...rows,
    '',
  ].join('\n');
}
