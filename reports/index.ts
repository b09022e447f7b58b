/** What a planner reads: report.md, report.html, thresholds with JUnit XML. */
export { renderMarkdown } from './markdown';
export { LABELS, parseLang, type Lang, type Labels } from './labels';
export { checkMetrics, evaluate, isMetric, parseThreshold, parseThresholds, toJUnit, ThresholdError, type Threshold, type ThresholdResult } from './thresholds';
export { renderHtml } from './html';
export { renderComparison, renderComparisonHtml } from './compare';
export { renderPlan, type PlanPage } from './plan';
export { renderConsole } from './console';
export { evaluateImported, renderImportedHtml, renderImportedMarkdown, type ImportedRun } from './imported';
