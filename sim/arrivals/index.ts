/**
 * Arrivals: when applicants come, as a non-homogeneous Poisson process whose rate is the
 * product of readable pieces (opening spike, hour of day, weekday, deadline rush, holidays),
 * sampled lazily by thinning (or exactly n arrivals for a fixed population); several
 * windows (provinces) merged in time order.
 */
export { arrivalCurve, type ArrivalCurve, type ArrivalWindow, type CurveOptions } from './curve';
export { arrivalTimes } from './thinning';
export { exactArrivalTimes } from './exact';
export { mergeArrivals, type Arrival, type ArrivalSource } from './merge';
export { windowArrivals, type WindowSpec, type WindowArrivals } from './windows';
export { hourlyExpectation, dailyExpectation, type HourlyExpectation, type DailyExpectation } from './report';
export { defaultPieces } from './defaults';
export * from './pieces';
