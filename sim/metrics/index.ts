/** What a run measures: latency histograms, counts, small-integer distributions, hourly series. */
export { LatencyRecorder, type LatencySummary } from './latency';
export { Counts, SmallIntDistribution } from './counts';
export { TimeSeries, type HourLevels, type HourRow } from './timeseries';
