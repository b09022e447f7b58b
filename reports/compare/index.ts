/** Two rule sets on the same applicants: paired differences with confidence intervals. */
export { compareRules, type CompareOptions, type Comparison } from './compare';
export { differences, HEADLINE, type Difference } from './metrics';
export { renderComparison } from './markdown';
export { renderComparisonHtml } from './html';
