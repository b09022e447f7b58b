/** What a run measures: latency histograms, counts, small-integer distributions, hourly series; each also as plain data to add up across threads. */
export { LatencyRecorder, type LatencySummary, type LatencyWire } from './latency';
export { Counts, SmallIntDistribution } from './counts';
export { TimeSeries, type HourLevels, type HourRow } from './timeseries';
export type { HourTallyWire } from './hour-tally';
