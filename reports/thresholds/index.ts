/** Pass/fail thresholds over report.json, and their JUnit XML. */
export { parseThreshold, parseThresholds, evaluate, ThresholdError, type Threshold, type ThresholdResult, type Op } from './thresholds';
export { toJUnit } from './junit';
export { checkMetrics, isMetric, metricPaths, type KnownKeys } from './metrics';
