/** A comparison of two rule sets (sim/compare) as compare.md and compare.html. */
export { renderComparison } from './markdown';
export { renderComparisonHtml } from './html';
