import type { ThresholdResult } from './thresholds';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Threshold results as JUnit XML, which CI systems read: one test case a threshold. */
export function toJUnit(suite: string, results: readonly ThresholdResult[]): string {
  const failures = results.filter((r) => !r.passed).length;
  const cases = results.map(({ threshold, actual, passed }) => {
    const name = escape(threshold.line);
    if (passed) return `    <testcase classname="${escape(suite)}" name="${name}"/>`;
    const message = actual === null ? `${threshold.metric} is not in the report` : `${threshold.metric} was ${actual}`;
    return `    <testcase classname="${escape(suite)}" name="${name}">\n      <failure message="${escape(message)}"/>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${results.length}" failures="${failures}">`,
    `  <testsuite name="${escape(suite)}" tests="${results.length}" failures="${failures}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
